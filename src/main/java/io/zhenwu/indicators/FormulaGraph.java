package io.zhenwu.indicators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependencies between derived indicators: which ones must be computed before which, and the cycles that make
 * a set of formulas uncomputable.
 *
 * <p>Derived indicator {@code a} depends on {@code b} when {@code a}'s formula refers to {@code b} in the <em>same</em>
 * period and {@code b} is itself derived. A <b>shifted</b> reference ({@code a = a[-1y] + 1}, or {@code a = b[-1q]}
 * with {@code b = a}) is not a dependency here: it refers to an earlier period, whose value is computed (or stored)
 * before the current one, so it can never close a cycle within one period. Codes that are not derived (base
 * indicators, or unknown codes) are leaves and ignored.
 */
public final class FormulaGraph {

    private FormulaGraph() {
    }

    /**
     * The dependency cycles: one per group of derived indicators that depend on each other (a strongly connected
     * component of the same-period graph, or a single formula that refers to itself unshifted). Each cycle is the
     * shortest one through the group's alphabetically first code, listed in dependency order — each code's formula
     * uses the next one, and the last one's uses the first: {@code a = b + 1, b = a} gives {@code [[a, b]]},
     * {@code a = a + 1} gives {@code [[a]]}. Sorted by first code; empty when the formulas can all be computed.
     *
     * @param derived the formula of every derived indicator, by code
     */
    public static List<List<String>> cycles(Map<String, Formula> derived) {
        Map<String, List<String>> graph = graph(derived);
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : components(graph)) {
            String first = component.iterator().next();
            if (component.size() > 1 || graph.get(first).contains(first)) {
                cycles.add(shortestCycle(graph, component, first));
            }
        }
        cycles.sort(Comparator.comparing((List<String> cycle) -> cycle.get(0)));
        return List.copyOf(cycles);
    }

    /**
     * An order to compute the derived indicators of one period in: each after the derived indicators its formula uses
     * unshifted; among those ready at the same time, alphabetically.
     *
     * @throws FormulaException {@link FormulaException#CYCLE} (column 0) with the first cycle of {@link #cycles} as
     *                          text, {@code "a → b → a"}, if there is one
     */
    public static List<String> evaluationOrder(Map<String, Formula> derived) {
        List<List<String>> cycles = cycles(derived);
        if (!cycles.isEmpty()) {
            List<String> cycle = cycles.get(0);
            throw new FormulaException(FormulaException.CYCLE, 0, String.join(" → ", cycle) + " → " + cycle.get(0));
        }
        Map<String, List<String>> graph = graph(derived);
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> usedBy = new HashMap<>();
        graph.forEach((code, uses) -> {
            waitingFor.put(code, uses.size());
            for (String used : uses) {
                usedBy.computeIfAbsent(used, k -> new ArrayList<>()).add(code);
            }
        });
        PriorityQueue<String> ready = new PriorityQueue<>();
        waitingFor.forEach((code, count) -> {
            if (count == 0) {
                ready.add(code);
            }
        });
        List<String> order = new ArrayList<>(graph.size());
        while (!ready.isEmpty()) {
            String code = ready.poll();
            order.add(code);
            for (String user : usedBy.getOrDefault(code, List.of())) {
                if (waitingFor.merge(user, -1, Integer::sum) == 0) {
                    ready.add(user);
                }
            }
        }
        return List.copyOf(order);
    }

    /** Code → the derived codes its formula uses in the same period, sorted, without repeats. */
    private static Map<String, List<String>> graph(Map<String, Formula> derived) {
        Objects.requireNonNull(derived, "derived");
        Map<String, List<String>> graph = new TreeMap<>();
        derived.forEach((code, formula) -> {
            Objects.requireNonNull(formula, () -> "no formula for " + code);
            Set<String> uses = new TreeSet<>();
            for (Formula.Reference reference : formula.references()) {
                if (reference.shiftMonths() == 0 && derived.containsKey(reference.code())) {
                    uses.add(reference.code());
                }
            }
            graph.put(code, List.copyOf(uses));
        });
        return graph;
    }

    /** Tarjan's strongly connected components, iteratively (no recursion however long a chain); members sorted. */
    private static List<TreeSet<String>> components(Map<String, List<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<TreeSet<String>> components = new ArrayList<>();
        int next = 0;
        for (String root : graph.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            // each frame: the node and the position of the next successor to visit
            Deque<Object[]> frames = new ArrayDeque<>();
            frames.push(new Object[] {root, 0});
            index.put(root, next);
            low.put(root, next++);
            stack.push(root);
            onStack.add(root);
            while (!frames.isEmpty()) {
                Object[] frame = frames.peek();
                String node = (String) frame[0];
                List<String> successors = graph.get(node);
                int position = (Integer) frame[1];
                if (position < successors.size()) {
                    frame[1] = position + 1;
                    String successor = successors.get(position);
                    if (!index.containsKey(successor)) {
                        index.put(successor, next);
                        low.put(successor, next++);
                        stack.push(successor);
                        onStack.add(successor);
                        frames.push(new Object[] {successor, 0});
                    } else if (onStack.contains(successor)) {
                        low.put(node, Math.min(low.get(node), index.get(successor)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = (String) frames.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    TreeSet<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        }
        return components;
    }

    /** Breadth-first from {@code start} inside {@code component} back to {@code start}: the shortest cycle. */
    private static List<String> shortestCycle(Map<String, List<String>> graph, Set<String> component, String start) {
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String successor : graph.get(node)) {
                if (successor.equals(start)) {
                    List<String> cycle = new ArrayList<>();
                    for (String at = node; at != null; at = reachedFrom.get(at)) {
                        cycle.add(0, at);
                    }
                    return List.copyOf(cycle);
                }
                if (component.contains(successor) && !reachedFrom.containsKey(successor)) {
                    reachedFrom.put(successor, node);
                    queue.add(successor);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }
}

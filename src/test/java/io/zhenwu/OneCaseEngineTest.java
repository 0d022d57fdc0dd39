package io.zhenwu;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ONE case engine (DESIGN.md): every closed loop — service hall, safety hazards, labor disputes, farmland plots — is a
 * case type run by {@code io.zhenwu.cases}; nobody writes a second workflow. Checked three ways: only the aggregate
 * {@code Case} moves a case (writes its state), no class outside the engine's package declares a state-changing
 * workflow method, and workflow-named classes live only in the engine.
 */
class OneCaseEngineTest {

    static final String CASE = "io.zhenwu.cases.Case";
    // The optimistic-lock version is persistence bookkeeping the engine's service advances after the write.
    static final String ENGINE = "io.zhenwu.cases";

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.zhenwu");
    }

    /** The state, clock and counters of a case are written by the aggregate's own methods only (fire/move). */
    static final ArchRule ONLY_THE_AGGREGATE_MOVES_A_CASE = noClasses().that().doNotHaveFullyQualifiedName(CASE)
            .should().setFieldWhere(DescribedPredicate.describe("a field of " + CASE,
                    (JavaFieldAccess a) -> a.getTargetOwner().getFullName().equals(CASE) && !a.getTarget().getName().equals("version")))
            .because("a case changes state only through Case.fire, which checks state, role, fields and the different-person rule");

    /** No module but the engine declares a state-changing workflow method (a second state machine). */
    static final ArchRule NO_SECOND_STATE_MACHINE = methods().that().areDeclaredInClassesThat().resideOutsideOfPackage(ENGINE)
            .and().areDeclaredInClassesThat().resideInAPackage("io.zhenwu..")
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            // a database trigger's fire(Connection, …) is the driver's callback, not a workflow
            .and().areDeclaredInClassesThat().areNotAssignableTo("org.h2.api.Trigger")
            .should(new com.tngtech.archunit.lang.ArchCondition<>("not be named like a state transition (setState, changeState, "
                    + "transitionTo, transition, fire, moveTo, advance)") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod m, com.tngtech.archunit.lang.ConditionEvents events) {
                    String n = m.getName();
                    if (n.matches("setState|setStateKind|changeState|transitionTo|transition|fire|fireTransition|moveTo|advance")) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(m, m.getFullName()
                                + " looks like a second workflow; declare a case type (YAML) and call Cases.fire instead"));
                    }
                }
            })
            .allowEmptyShould(true);

    /** Workflow machinery (transitions, state machines, workflows) lives only in the engine's own package. */
    static final ArchRule WORKFLOW_CLASSES_ONLY_IN_THE_ENGINE = classes().that().haveSimpleNameContaining("Transition")
            .or().haveSimpleNameContaining("StateMachine").or().haveSimpleNameContaining("Workflow")
            .should().resideInAPackage(ENGINE)
            .allowEmptyShould(true);

    @Test
    void onlyTheAggregateMovesACase() {
        ONLY_THE_AGGREGATE_MOVES_A_CASE.check(main);
    }

    @Test
    void noModuleButTheEngineImplementsStateTransitions() {
        NO_SECOND_STATE_MACHINE.check(main);
        WORKFLOW_CLASSES_ONLY_IN_THE_ENGINE.check(main);
    }

    @Test
    void theRulesSeeTheEngineAndItsLoops() {
        assertThat(main.contain(CASE)).isTrue();
        assertThat(main.stream().map(c -> c.getSimpleName())).contains("Safety", "LaborDisputes", "FarmlandPlots", "TransitionGuard");
    }

    @Test
    void theRulesRejectASecondWorkflow() {
        JavaClasses bad = new ClassFileImporter().importClasses(HazardWorkflow.class);
        assertThatThrownBy(() -> NO_SECOND_STATE_MACHINE.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("HazardWorkflow.setState").hasMessageContaining("HazardWorkflow.transitionTo")
                .hasMessageNotContaining("describe");
        assertThatThrownBy(() -> WORKFLOW_CLASSES_ONLY_IN_THE_ENGINE.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("HazardWorkflow");
    }

    @Test
    void theAggregateRuleRejectsWritingAStateOutsideCase() throws ClassNotFoundException {
        JavaClasses bad = new ClassFileImporter().importClasses(Class.forName("io.zhenwu.cases.RogueCaseMover"));
        assertThatThrownBy(() -> ONLY_THE_AGGREGATE_MOVES_A_CASE.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("RogueCaseMover.close").hasMessageContaining("Case.state");
    }

    /** A fixture: the kind of class a module would write if it ran its own loop (abstract, so nothing scans it). */
    abstract static class HazardWorkflow {
        String state;

        void setState(String s) {
            state = s;
        }

        void transitionTo(String s) {
            state = s;
        }

        String describe() {
            return state;
        }
    }
}

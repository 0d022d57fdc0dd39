package io.zhenwu.cases;

/**
 * A fixture for {@code io.zhenwu.OneCaseEngineTest}: what a class inside the engine's package could do if it
 * bypassed {@link Case#fire} — write a case's state directly. Abstract, so nothing scans or runs it.
 */
abstract class RogueCaseMover {

    void close(Case c) {
        c.state = "closed";
        c.stateKind = CaseType.StateKind.CLOSED;
    }
}

package io.modelcards.build;

/** Where a build reports how far it got: stage names, and a counter for stages that go file by file. */
public interface BuildProgress {
    /** Reports nothing. */
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void stage(String name) {}
    };

    /** A stage starts, e.g. "parse". */
    void stage(String name);

    /** {@code done} of {@code total} items of a stage are finished. */
    default void count(String stage, int done, int total) {}

    /** The build finished; a terminal display clears its line. */
    default void done() {}
}

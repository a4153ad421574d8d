package io.modelcards.cli;

/** Documented exit codes of every command. */
public final class ExitCodes {
    /** The site was built (or checked) without errors. */
    public static final int OK = 0;
    /** The content has errors (or warnings, with --strict); nothing was written. */
    public static final int CONTENT_ERRORS = 1;
    /** Wrong flags, or an --out folder that modelcards may not write into, or a port in use. */
    public static final int USAGE = 2;
    /** A bug in modelcards; run again with --debug for the trace. */
    public static final int INTERNAL = 3;
    /** The JVM ran out of heap: the catalogue needs a larger one (MODELCARDS_HEAP). */
    public static final int OUT_OF_MEMORY = 4;

    private ExitCodes() {}
}

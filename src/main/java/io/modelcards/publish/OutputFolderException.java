package io.modelcards.publish;

/** The output folder cannot be used (it holds files modelcards did not write, or is not writable). */
public final class OutputFolderException extends Exception {
    public OutputFolderException(String message) {
        super(message);
    }
}

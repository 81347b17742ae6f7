package com.publisherdesk.devstack;

/** Why a {@code ./desk} command could not do its work, said in one line, with the exit status it ends with. */
final class DeskCommandException extends RuntimeException {

    /** The exit status of a command used the wrong way (an unknown option, a missing argument, an unknown topic). */
    static final int USAGE = 2;
    /** The exit status of a command that could not do its work (the desk is not running, say). */
    static final int FAILED = 1;

    private final int exitStatus;

    private DeskCommandException(int exitStatus, String message) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    /** The command was used the wrong way. */
    static DeskCommandException usage(String message) {
        return new DeskCommandException(USAGE, message);
    }

    /** The command could not do its work. */
    static DeskCommandException failed(String message) {
        return new DeskCommandException(FAILED, message);
    }

    int exitStatus() {
        return exitStatus;
    }
}

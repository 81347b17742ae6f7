package com.publisherdesk.notification.mail;

import io.vertx.ext.mail.SMTPException;

/**
 * Tells a mail server's final refusal from a failure worth retrying, by the SMTP reply code the server gave: a 5xx
 * reply (an unknown mailbox, say) is final; a 4xx reply, and any failure without a reply (the server unreachable, the
 * connection refused or cut), is retried. The words of a failure are never read: an address, a port or a queue number
 * in them says nothing about the server's answer.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** Whether the failure, or one of its causes, is a permanent (5xx) SMTP reply. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException reply) {
                return reply.getReplyCode() >= 500 && reply.getReplyCode() < 600;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether an email whose attempt failed so may have gone out all the same: the server gave no answer, and the
     * connection was not refused outright (a connection cut after the message was handed over leaves the client
     * without the server's acceptance, which may have happened).
     */
    static boolean mayHaveGoneOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException || cause instanceof java.net.ConnectException) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }
}

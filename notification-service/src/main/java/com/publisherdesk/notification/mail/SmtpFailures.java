package com.publisherdesk.notification.mail;

import java.util.regex.Pattern;

/** Tells a mail server's final refusal (a 5xx reply, such as an unknown mailbox) from a failure worth retrying. */
final class SmtpFailures {

    private static final Pattern PERMANENT_REPLY = Pattern.compile("(^|\\D)5\\d\\d([ -]|\\.\\d|$)");

    private SmtpFailures() {
    }

    /** Whether the failure carries a permanent (5xx) SMTP reply. */
    static boolean isPermanent(String failure) {
        return failure != null && PERMANENT_REPLY.matcher(failure).find();
    }
}

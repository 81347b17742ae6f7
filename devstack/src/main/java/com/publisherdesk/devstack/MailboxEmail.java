package com.publisherdesk.devstack;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * One email as the mailbox shows it.
 *
 * @param messageId  its Message-ID header
 * @param from       the sender
 * @param to         the To recipients
 * @param cc         the Cc recipients
 * @param replyTo    the Reply-To addresses
 * @param subject    the subject
 * @param text       the plain-text part
 * @param html       the HTML part
 * @param receivedAt when the SMTP server received it
 * @param deliveries how many times it was sent (1 unless it was sent twice)
 */
public record MailboxEmail(String messageId, String from, List<String> to, List<String> cc, List<String> replyTo,
        String subject, String text, String html, Instant receivedAt, int deliveries) {

    static MailboxEmail of(MimeMessage message) {
        try {
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            return new MailboxEmail(message.getMessageID(), first(message.getFrom()),
                    addresses(message.getRecipients(RecipientType.TO)),
                    addresses(message.getRecipients(RecipientType.CC)), addresses(message.getReplyTo()),
                    message.getSubject(), part(message, "text/plain"), part(message, "text/html"), received, 1);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable email", e);
        }
    }

    /** One email from the copies the server kept, one per recipient and per delivery. */
    static MailboxEmail collapse(List<MailboxEmail> copies) {
        MailboxEmail first = copies.get(0);
        int recipients = Math.max(1, first.to.size() + first.cc.size());
        int deliveries = (copies.size() + recipients - 1) / recipients;
        return new MailboxEmail(first.messageId, first.from, first.to, first.cc, first.replyTo, first.subject,
                first.text, first.html, first.receivedAt, deliveries);
    }

    /**
     * One email per Message-ID from the copies a server kept (one per recipient and per delivery), in their order; a
     * copy without a Message-ID stands alone.
     */
    static List<MailboxEmail> collapseCopies(List<MailboxEmail> copies) {
        java.util.Map<String, List<MailboxEmail>> byId = new java.util.LinkedHashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            MailboxEmail copy = copies.get(i);
            String key = copy.messageId() == null ? "#" + i : copy.messageId();
            byId.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(copy);
        }
        return byId.values().stream().map(MailboxEmail::collapse).toList();
    }

    /** A line per email: when it was received, its recipients and subject, and how often it went out if twice. */
    static String lines(List<MailboxEmail> emails) {
        StringBuilder text = new StringBuilder();
        for (MailboxEmail email : emails) {
            List<String> recipients = new java.util.ArrayList<>(email.to());
            recipients.addAll(email.cc());
            text.append(email.receivedAt()).append("  ").append(String.join(", ", recipients)).append("  ")
                    .append(email.subject());
            if (email.deliveries() > 1) {
                text.append("  (delivered ").append(email.deliveries()).append(" times)");
            }
            text.append('\n');
        }
        return text.length() == 0 ? "(no email yet)\n" : text.toString();
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(MailboxEmail::plain).toList();
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null : addresses[0].toString();
    }

    private static String plain(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress()
                : address.toString();
    }
}

package com.publisherdesk.notification.mail;

import io.quarkus.qute.TemplateData;

/**
 * Everything a template prints, already worded and formatted for the publisher's language.
 *
 * @param publisherName    who the email greets
 * @param requestId        the request's full id
 * @param reference        the short reference in the subject
 * @param requestType      the kind of request, in words
 * @param subscriptionId   the customer's subscription, if any
 * @param customerName     the customer, if any
 * @param amount           the amount asked for, formatted, if any
 * @param period           the credit period, formatted, if any
 * @param billingDate      the billing date, formatted, if any
 * @param reason           the reason given, if any
 * @param submittedAt      when the desk received it, formatted
 * @param outcome          for results: approved, denied or review; authorization-needed
 * @param creditNoteNumber for approvals: the credit note issued
 * @param creditAmount     for approvals: the amount credited, formatted
 * @param explanation      for results: the rule that decided, in words
 * @param reviewNote       for results decided by a support agent: the agent's note
 * @param authorizationUrl  for requests of authorization: where an administrator gives it, when the desk's public
 *                          address is configured
 * @param authorizationPath for requests of authorization: the path of that call on the desk's API
 */
@TemplateData
public record EmailContent(String publisherName, String requestId, String reference, String requestType,
        String subscriptionId, String customerName, String amount, String period, String billingDate, String reason,
        String submittedAt, String outcome, String creditNoteNumber, String creditAmount, String explanation,
        String reviewNote, String authorizationUrl, String authorizationPath) {
}

package com.publisherdesk.contracts;

import java.util.List;

/**
 * Who hears about a request: the publisher's contact address and its co-administrators, in its language.
 *
 * @param publisherName the company name used in greetings
 * @param to            the contact address
 * @param cc            the co-administrators' addresses
 * @param language      the preferred language as a BCP 47 tag ({@code en}, {@code fr})
 */
public record Recipients(String publisherName, String to, List<String> cc, String language) {
}

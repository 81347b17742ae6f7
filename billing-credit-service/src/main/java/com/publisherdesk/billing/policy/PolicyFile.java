package com.publisherdesk.billing.policy;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.publisherdesk.kit.files.Sha256;
import com.publisherdesk.kit.files.ShippedFile;

/**
 * A policy file as read: the operator's own ({@code desk.policy.file}) or the one shipped with the service, its
 * content hash (the version recorded with every decision) and its document.
 *
 * @param source   where it was read from, for error messages
 * @param version  {@code sha256:} and the first 16 hex digits of the content's hash
 * @param document the rules, parameters and denial note it holds
 */
record PolicyFile(String source, String version, PolicyDocument document) {

    static final String SHIPPED = "policy/credit-policy.yaml";

    /** The operator's file when one is named, the shipped one otherwise. */
    static PolicyFile of(Optional<String> file) {
        ShippedFile read = ShippedFile.read(file, SHIPPED, "credit policy");
        return of(read.content(), read.source());
    }

    /** A policy file from its content; {@code source} names it in error messages. */
    static PolicyFile of(byte[] content, String source) {
        try {
            PolicyDocument document = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content, PolicyDocument.class);
            return new PolicyFile(source, "sha256:" + Sha256.hex(content).substring(0, 16), document);
        } catch (IOException e) {
            throw new IllegalStateException("Credit policy " + source + ": cannot be read: " + e.getMessage());
        }
    }
}

package com.publisherdesk.billing.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
        return file.map(path -> of(read(path), path)).orElseGet(() -> of(shipped(), "classpath:" + SHIPPED));
    }

    /** A policy file from its content; {@code source} names it in error messages. */
    static PolicyFile of(byte[] content, String source) {
        try {
            PolicyDocument document = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content, PolicyDocument.class);
            return new PolicyFile(source, versionOf(content), document);
        } catch (IOException e) {
            throw new IllegalStateException("Credit policy " + source + ": cannot be read: " + e.getMessage());
        }
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Credit policy " + file + " cannot be read", e);
        }
    }

    private static byte[] shipped() {
        try (InputStream in = PolicyFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped credit policy " + SHIPPED + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionOf(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.publisherdesk.intake.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.publisherdesk.kit.problem.ProblemException;

import jakarta.ws.rs.core.EntityTag;

/** The ETag of a versioned resource, and the If-Match a change to it must carry. */
final class EntityTags {

    private EntityTags() {
    }

    /** The strong ETag of a row version: {@code "7"}. */
    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * The opaque tags of the strong entity tags an If-Match header lists (a weak tag never matches a change). A
     * missing header, or {@code *}, is answered 428: a change must name the version it was made against.
     */
    static Set<String> required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send the ETag of the profile you read (GET) in If-Match, so that a change made meanwhile is "
                            + "not overwritten. Nothing was changed.");
        }
        return Arrays.stream(ifMatch.split(",")).map(String::trim)
                .filter(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\""))
                .map(tag -> tag.substring(1, tag.length() - 1)).collect(Collectors.toUnmodifiableSet());
    }
}

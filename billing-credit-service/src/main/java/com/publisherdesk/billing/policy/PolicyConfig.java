package com.publisherdesk.billing.policy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The credit policy in force ({@code desk.policy}). */
@ConfigMapping(prefix = "desk.policy")
public interface PolicyConfig {

    /** The operator's own policy file, replacing the shipped {@code policy/credit-policy.yaml}; none by default. */
    Optional<String> file();
}

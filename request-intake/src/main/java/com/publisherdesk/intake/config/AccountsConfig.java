package com.publisherdesk.intake.config;

import java.util.List;
import java.util.Locale;

import io.smallrye.config.ConfigMapping;

/** Rules about who may administer a publisher's account. */
@ConfigMapping(prefix = "desk.accounts")
public interface AccountsConfig {

    /** The email domains of the desk's own staff (support agents, operators), who never administer an account. */
    List<String> staffDomains();

    /** Whether {@code email} belongs to the desk's own staff. */
    default boolean isStaff(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return staffDomains().stream().anyMatch(staff -> staff.equalsIgnoreCase(domain));
    }
}

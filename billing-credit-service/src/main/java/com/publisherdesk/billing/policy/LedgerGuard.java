package com.publisherdesk.billing.policy;

import java.util.Map;

/**
 * The desk's own rule beneath the written policy: a credit note is issued only while what is left to credit on its
 * charge covers it. Every path that issues a note (the policy's approval, an agent's approval, an authorization
 * arriving) checks it again, under the lock on the charge, at the moment of issuing.
 */
public final class LedgerGuard {

    /** The rule id recorded when an approval can no longer be issued because the charge is credited meanwhile. */
    public static final String EXCEEDS_CREDITABLE = "deny-credited-meanwhile";

    private static final Map<String, String> WORDS = Map.of(
            "en", "Other credits for this billing period were issued first; what is left to credit no longer covers "
                    + "this amount.",
            "fr", "D'autres crédits pour cette période de facturation ont été émis avant celui-ci ; ce qu'il reste à "
                    + "créditer ne couvre plus ce montant.");

    private LedgerGuard() {
    }

    /** The denial of an approval that what is left to credit no longer covers, under {@code policy}. */
    public static PolicyRuling exceedsCreditable(CreditPolicy policy) {
        return policy.denial(EXCEEDS_CREDITABLE, WORDS);
    }
}

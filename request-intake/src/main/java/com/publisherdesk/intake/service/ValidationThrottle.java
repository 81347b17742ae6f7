package com.publisherdesk.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.kit.problem.ProblemException;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stops guessing at subscriptions and addresses: after repeated not-confirmed answers for one subscription, or too
 * many validations from one publisher within the window, further tries are refused for a while (429, Retry-After).
 * The same limits hold whether the subscription exists or not, so the refusal reveals nothing.
 */
@ApplicationScoped
public class ValidationThrottle {

    private final Limits limits;

    public ValidationThrottle(Limits limits) {
        this.limits = limits;
    }

    /** Throws 429 when this publisher may not validate this subscription now. */
    public void check(String publisherId, String subscriptionId, Instant now) {
        Instant since = now.minus(limits.window());
        List<Instant> misses = DeskRequest.<DeskRequest>list("publisherId = ?1 and subscriptionId = ?2 and type = ?3 "
                + "and status = ?4 and submittedAt > ?5 order by submittedAt", publisherId, subscriptionId,
                RequestTypes.SUBSCRIPTION_VALIDATION, RequestStatus.NOT_CONFIRMED, since)
                .stream().map(request -> request.submittedAt).toList();
        if (misses.size() >= limits.missesPerSubscription()) {
            refuse("Too many unconfirmed validations of this subscription; try again later.",
                    misses.get(misses.size() - limits.missesPerSubscription()), now);
        }
        List<Instant> recent = DeskRequest.<DeskRequest>list("publisherId = ?1 and type = ?2 and submittedAt > ?3 "
                + "order by submittedAt", publisherId, RequestTypes.SUBSCRIPTION_VALIDATION, since)
                .stream().map(request -> request.submittedAt).toList();
        if (recent.size() >= limits.perPublisher()) {
            refuse("Too many subscription validations this hour; try again later.",
                    recent.get(recent.size() - limits.perPublisher()), now);
        }
    }

    private void refuse(String detail, Instant oldestCounted, Instant now) {
        long retryAfter = Duration.between(now, oldestCounted.plus(limits.window())).toSeconds() + 1;
        throw ProblemException.tooManyRequests(detail, retryAfter);
    }

    /** The limits on subscription validations. */
    @ConfigMapping(prefix = "desk.validation")
    public interface Limits {

        /** Not-confirmed answers for one subscription within the window before further tries are refused. */
        @WithDefault("3")
        int missesPerSubscription();

        /** Validations one publisher may file within the window. */
        @WithDefault("30")
        int perPublisher();

        /** The sliding window the limits count over. */
        @WithDefault("1H")
        Duration window();
    }
}

package com.publisherdesk.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.intake.Profile;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads and changes a publisher's profile under optimistic concurrency: a change names the version it was made
 * against, and every change is audited and filed as a profile-change request.
 */
@ApplicationScoped
@Transactional
public class Profiles {

    private final AccountChangeRequests requests;
    private final Clock clock;

    public Profiles(AccountChangeRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** The profile and its version. */
    public Current read(String publisherId) {
        return Current.of(Publisher.byId(publisherId).orElseThrow(() -> ProblemException.notFound("Publisher")));
    }

    /**
     * Makes {@code next} the profile if the profile is still at one of the versions {@code ifMatch} names (412
     * otherwise, nothing changed). A profile sent back unchanged changes nothing and files nothing.
     */
    public Current update(String publisherId, Set<String> ifMatch, Profile next, String actor) {
        Publisher publisher = Publisher.lockedById(publisherId)
                .orElseThrow(() -> ProblemException.notFound("Publisher"));
        if (!ifMatch.contains(Integer.toString(publisher.version))) {
            throw new ProblemException(412, "precondition-failed", "The profile changed meanwhile",
                    "The profile is no longer the one your If-Match names; read it again and make your change "
                            + "against it. Nothing was changed.");
        }
        String formerContact = publisher.contactEmail;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<FieldChange> changes = publisher.apply(next, actor, now);
        if (!changes.isEmpty()) {
            Publisher.flush();
            requests.profileChanged(publisher, actor, now, changes, List.of(formerContact));
        }
        return Current.of(publisher);
    }

    /**
     * A profile and the version its ETag names.
     *
     * @param publisher the publisher, whose profile it is
     * @param version   the row's version
     */
    public record Current(Publisher publisher, int version) {

        static Current of(Publisher publisher) {
            return new Current(publisher, publisher.version);
        }
    }
}

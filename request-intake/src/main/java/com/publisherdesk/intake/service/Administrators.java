package com.publisherdesk.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.PublisherAdmin;
import com.publisherdesk.intake.rest.AdminView;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Adds and removes a publisher's co-administrators, one change at a time per publisher; an account always keeps one
 * administrator, and every change is audited and filed as an admin-change request.
 */
@ApplicationScoped
@Transactional
public class Administrators {

    private final AccountChangeRequests requests;
    private final Clock clock = Clock.systemUTC();

    public Administrators(AccountChangeRequests requests) {
        this.requests = requests;
    }

    public List<AdminView> list(String publisherId) {
        return PublisherAdmin.ofPublisher(publisherId).stream().map(AdminView::of).toList();
    }

    public AdminView find(String publisherId, String email) {
        return PublisherAdmin.of(publisherId, email).map(AdminView::of)
                .orElseThrow(() -> ProblemException.notFound("Administrator"));
    }

    /** Makes {@code email} an administrator; the answer says whether this call did or it already was one. */
    public Added add(String publisherId, String email, String actor) {
        Publisher publisher = locked(publisherId);
        Optional<PublisherAdmin> existing = PublisherAdmin.of(publisherId, email);
        if (existing.isPresent()) {
            return new Added(AdminView.of(existing.get()), false);
        }
        Instant now = now();
        PublisherAdmin admin = PublisherAdmin.add(publisherId, email, now);
        requests.adminChanged(publisher, actor, now, new AdminChangeDetails(AdminChangeDetails.ADDED, admin.email),
                List.of());
        return new Added(AdminView.of(admin), true);
    }

    /** Removes an administrator at once (404 when {@code email} is not one, 409 when it is the last one). */
    public void remove(String publisherId, String email, String actor) {
        Publisher publisher = locked(publisherId);
        PublisherAdmin admin = PublisherAdmin.of(publisherId, email)
                .orElseThrow(() -> ProblemException.notFound("Administrator"));
        if (PublisherAdmin.count("publisherId", publisherId) == 1) {
            throw new ProblemException(409, "last-administrator", "The last administrator cannot be removed",
                    "An account keeps at least one administrator; add another one before removing this one.");
        }
        admin.delete();
        String removed = admin.email.toLowerCase(Locale.ROOT);
        requests.adminChanged(publisher, actor, now(), new AdminChangeDetails(AdminChangeDetails.REMOVED, removed),
                List.of(removed));
    }

    private static Publisher locked(String publisherId) {
        return Publisher.lockedById(publisherId).orElseThrow(() -> ProblemException.notFound("Publisher"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An administrator after an add.
     *
     * @param admin   the administrator
     * @param created whether this call added them
     */
    public record Added(AdminView admin, boolean created) {
    }
}

package com.publisherdesk.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.PublisherAdmin;
import com.publisherdesk.intake.config.AccountsConfig;
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

    private static final Logger LOG = Logger.getLogger(Administrators.class);
    static final String ELSEWHERE = "Also an administrator of another publisher's account on the desk.";

    private final AccountChangeRequests requests;
    private final AccountsConfig accounts;
    private final Clock clock;

    public Administrators(AccountChangeRequests requests, AccountsConfig accounts, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The account's administrators. */
    public List<PublisherAdmin> list(String publisherId) {
        return PublisherAdmin.ofPublisher(publisherId);
    }

    /** One administrator (404 when {@code email} is not one). */
    public PublisherAdmin find(String publisherId, String email) {
        return PublisherAdmin.of(publisherId, email)
                .orElseThrow(() -> ProblemException.notFound("Administrator"));
    }

    /**
     * Makes {@code email} an administrator; the answer says whether this call did or it already was one. The desk's
     * own staff are refused (422); someone who already administers another account is added with a warning on the
     * audit trail and in the log.
     */
    public Added add(String publisherId, String email, String actor) {
        if (accounts.isStaff(email)) {
            throw new ProblemException(422, "desk-staff", "Desk staff cannot administer an account",
                    "Support agents and operators of the desk decide publishers' requests, so they may not administer "
                            + "a publisher's account. Add someone from your own organization.");
        }
        Publisher publisher = locked(publisherId);
        Optional<PublisherAdmin> existing = PublisherAdmin.of(publisherId, email);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        Instant now = now();
        boolean elsewhere = PublisherAdmin.administersAnotherThan(publisherId, email);
        PublisherAdmin admin = PublisherAdmin.add(publisherId, email, now);
        if (elsewhere) {
            LOG.warnf("%s added %s as an administrator of %s; they already administer another publisher's account",
                    actor, admin.email, publisherId);
        }
        requests.adminChanged(publisher, actor, now, new AdminChangeDetails(AdminChangeDetails.ADDED, admin.email),
                List.of(), elsewhere ? ELSEWHERE : null);
        return new Added(admin, true);
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
                List.of(removed), null);
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
    public record Added(PublisherAdmin admin, boolean created) {
    }
}

package com.publisherdesk.intake.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.kit.input.PageCursor;
import com.publisherdesk.kit.input.Paged;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Lists a publisher's requests of every type, newest first, a page at a time with an opaque cursor. */
@ApplicationScoped
@Transactional
public class RequestListing {

    /**
     * One page of this publisher's requests.
     *
     * @param filter what to list
     * @param limit  the page size
     * @param cursor where the previous page ended, or null for the first page
     */
    public Paged<DeskRequest> list(String publisherId, Filter filter, int limit, String cursor) {
        StringBuilder query = new StringBuilder("publisherId = :publisher");
        Map<String, Object> parameters = new HashMap<>(Map.of("publisher", publisherId));
        filter.apply(query, parameters);
        if (cursor != null) {
            PageCursor after = PageCursor.decode(cursor);
            query.append(" and (submittedAt < :at or (submittedAt = :at and id < :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.uuidKey());
        }
        List<DeskRequest> rows = DeskRequest.<DeskRequest>find(query + " order by submittedAt desc, id desc",
                parameters)
                .page(0, limit + 1).list();
        return Paged.of(rows, limit, last -> PageCursor.of(last.submittedAt, last.id));
    }

    /**
     * What to list; every part is optional.
     *
     * @param status a status as the API shows it
     * @param type   a request type
     * @param from   the first day of submission (UTC)
     * @param to     the last day of submission (UTC)
     */
    public record Filter(String status, String type, LocalDate from, LocalDate to) {

        void apply(StringBuilder query, Map<String, Object> parameters) {
            if (status != null) {
                query.append(" and status = :status");
                parameters.put("status", parseStatus(status));
            }
            if (type != null) {
                if (!RequestTypes.ALL.contains(type)) {
                    throw invalid("type", "must be one of " + RequestTypes.ALL);
                }
                query.append(" and type = :type");
                parameters.put("type", type);
            }
            if (from != null) {
                query.append(" and submittedAt >= :from");
                parameters.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (to != null) {
                query.append(" and submittedAt < :to");
                parameters.put("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }

        private static RequestStatus parseStatus(String status) {
            try {
                return RequestStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw invalid("status", "is not a known status");
            }
        }
    }

    private static ProblemException invalid(String parameter, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid",
                "Query parameter " + parameter + " " + message + ".");
    }
}

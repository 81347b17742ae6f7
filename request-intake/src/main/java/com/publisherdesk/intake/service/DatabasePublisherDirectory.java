package com.publisherdesk.intake.service;

import com.publisherdesk.intake.PublisherAdmin;
import com.publisherdesk.kit.access.Caller;
import com.publisherdesk.kit.access.PublisherDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Request intake keeps the publisher accounts: an administrator is one of the account's administrators now. The
 * check runs in a transaction of its own, so that its connection goes back to the pool before the request's own
 * transaction takes one (outside a transaction the request's session would hold it to the end of the request, and
 * a burst of requests would each hold one connection while waiting for a second).
 */
@ApplicationScoped
public class DatabasePublisherDirectory implements PublisherDirectory {

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean isAdministrator(String publisherId, Caller caller) {
        return PublisherAdmin.isAdministrator(publisherId, caller.email());
    }
}

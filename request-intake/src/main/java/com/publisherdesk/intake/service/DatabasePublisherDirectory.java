package com.publisherdesk.intake.service;

import com.publisherdesk.intake.PublisherAdmin;
import com.publisherdesk.kit.access.Caller;
import com.publisherdesk.kit.access.PublisherDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Request intake keeps the publisher accounts: an administrator is one of the account's administrators now. */
@ApplicationScoped
public class DatabasePublisherDirectory implements PublisherDirectory {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAdministrator(String publisherId, Caller caller) {
        return PublisherAdmin.isAdministrator(publisherId, caller.email());
    }
}

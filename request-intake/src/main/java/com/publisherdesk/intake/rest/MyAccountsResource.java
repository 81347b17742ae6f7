package com.publisherdesk.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.intake.service.MyAccounts;
import com.publisherdesk.kit.access.CurrentCaller;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The publisher accounts the caller administers. */
@Path("/v1/me/publishers")
@Produces(MediaType.APPLICATION_JSON)
public class MyAccountsResource {

    private final MyAccounts accounts;
    private final CurrentCaller caller;

    public MyAccountsResource(MyAccounts accounts, CurrentCaller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMyPublishers", summary = "The publisher accounts the token's email administers",
            description = "An empty list for someone who administers none.")
    public List<MyAccounts.Account> list() {
        return accounts.of(caller.email());
    }
}

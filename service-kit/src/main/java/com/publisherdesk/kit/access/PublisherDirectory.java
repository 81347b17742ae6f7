package com.publisherdesk.kit.access;

/** Who administers which publisher account: the one question publisher-scoped endpoints ask about their caller. */
public interface PublisherDirectory {

    /**
     * Whether the caller is an administrator of {@code publisherId} right now.
     *
     * @param publisherId the publisher in the request's path
     * @param caller      who is asking, with the token they presented
     */
    boolean isAdministrator(String publisherId, Caller caller);
}

package com.publisherdesk.notification.webhook.api;

import java.util.List;

/**
 * One page of an endpoint's delivery log, newest first.
 *
 * @param items the deliveries on this page
 * @param next  the cursor of the next page; absent on the last page
 */
public record DeliveryPage(List<DeliveryView> items, String next) {
}

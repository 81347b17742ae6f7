package com.publisherdesk.notification.webhook.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The webhook settings as the service ships them: its application.properties, in no profile, with no environment. */
final class ShippedWebhookConfig {

    private ShippedWebhookConfig() {
    }

    static WebhookConfig read() {
        URL properties = ShippedWebhookConfig.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withMapping(WebhookConfig.class).build().getConfigMapping(WebhookConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

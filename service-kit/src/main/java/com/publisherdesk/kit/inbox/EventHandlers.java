package com.publisherdesk.kit.inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.publisherdesk.contracts.EventType;

/** Which handlers apply which event type; types without a handler are skipped. */
public final class EventHandlers {

    private final Map<String, Handler<?>> handlers = new HashMap<>();

    private EventHandlers() {
    }

    /** Starts a table with one handler. */
    public static <T> EventHandlers on(EventType<T> type, Consumer<T> handler) {
        return new EventHandlers().and(type, handler);
    }

    /** Starts a table whose handler is given each event of these types as it arrived. */
    public static EventHandlers asReceived(Collection<EventType<?>> types, Consumer<IncomingEvent> handler) {
        return new EventHandlers().andAsReceived(types, handler);
    }

    /** Adds a handler. */
    public <T> EventHandlers and(EventType<T> type, Consumer<T> handler) {
        return add(type, (event, payload) -> handler.accept(payload));
    }

    /**
     * Adds a handler given each event of these types as it arrived (its CloudEvents attributes and raw body, unknown
     * fields included), after the handler already set for its type if any, in the same transaction.
     */
    public EventHandlers andAsReceived(Collection<EventType<?>> types, Consumer<IncomingEvent> handler) {
        types.forEach(type -> add(type, (event, payload) -> handler.accept(event)));
        return this;
    }

    private <T> EventHandlers add(EventType<T> type, BiConsumer<IncomingEvent, T> consumer) {
        handlers.merge(type.name(), new Handler<>(type, consumer), Handler::then);
        return this;
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    record Handler<T>(EventType<T> type, BiConsumer<IncomingEvent, T> consumer) {

        void apply(IncomingEvent event, Object payload) {
            consumer.accept(event, type.payload().cast(payload));
        }

        @SuppressWarnings("unchecked")
        Handler<?> then(Handler<?> next) {
            Handler<T> same = (Handler<T>) next;
            return new Handler<>(type, consumer.andThen(same.consumer));
        }
    }
}

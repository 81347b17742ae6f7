package com.publisherdesk.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operators read this service's dead-letter topic ({@code <service>-dlq}) and replay a dead letter to the topic it
 * came from, once whatever made it poison is fixed; consumers still apply an event at most once.
 */
@Path("/v1/operator/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterTopic letters;

    public DeadLetterResource(DeadLetterTopic letters) {
        this.letters = letters;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "The dead letters of this service, oldest first")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return letters.read(limit).stream().map(DeadLetter::of).toList();
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @APIResponse(responseCode = "202", description = "Sent back to the topic it came from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "409", description = "`not-replayable`: the dead letter does not say which topic it "
            + "came from")
    @APIResponse(responseCode = "503", description = "`kafka-unavailable`: the dead-letter topic could not be read; "
            + "or `busy` (load shedding). Try again after Retry-After")
    @Operation(operationId = "replayDeadLetter",
            summary = "Send a dead letter again to the topic it came from, with its key, body and event headers")
    public Response replay(@PathParam("partition") @Min(0) int partition, @PathParam("offset") @Min(0) long offset)
            throws Exception {
        RecordMetadata sent = letters.replay(letters.find(partition, offset));
        return Response.accepted(new Replayed(sent.topic(), sent.partition(), sent.offset())).build();
    }

    /**
     * A dead letter as operators read it.
     *
     * @param partition         its partition in the dead-letter topic
     * @param offset            its offset there (with the partition, what replay takes)
     * @param at                when it was written there
     * @param originalTopic     the topic it came from
     * @param originalPartition its partition there
     * @param originalOffset    its offset there
     * @param key               its key (a request id)
     * @param eventType         its CloudEvents type, if it had one
     * @param eventId           its CloudEvents id, if it had one
     * @param reason            why the consumer gave up on it
     * @param body              its body as text, the first 10 000 characters
     */
    public record DeadLetter(int partition, long offset, Instant at, String originalTopic, String originalPartition,
            String originalOffset, String key, String eventType, String eventId, String reason, String body) {

        static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
            String body = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    header(record, DeadLetterTopic.ORIGINAL_TOPIC), header(record, DeadLetterTopic.ORIGINAL_PARTITION),
                    header(record, DeadLetterTopic.ORIGINAL_OFFSET),
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    header(record, "ce_type"), header(record, "ce_id"), header(record, DeadLetterTopic.REASON),
                    body == null || body.length() <= 10_000 ? body : body.substring(0, 10_000));
        }

        private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
            return DeadLetterTopic.header(record, name);
        }
    }

    /**
     * Where a replayed dead letter went.
     *
     * @param topic     the topic it came from
     * @param partition its partition there
     * @param offset    its new offset there
     */
    public record Replayed(String topic, int partition, long offset) {
    }
}

package dev.fulmar.core.api;

import java.time.Duration;

/**
 * How long one exchange took, from the first transmission of the request to the complete response.
 *
 * @param exchange the exchange name (IKE_SA_INIT, IKE_INTERMEDIATE, IKE_AUTH, ...)
 * @param messageId the request's message ID
 * @param roundTrip first send to (reassembled) response
 * @param retransmissions how often the request was sent again
 */
public record ExchangeTiming(
    String exchange, long messageId, Duration roundTrip, int retransmissions) {}

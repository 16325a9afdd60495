package dev.fulmar.core.api;

import java.util.List;

/**
 * What was negotiated for a CHILD SA (never its keys).
 *
 * @param inboundSpi our SPI (the gateway sends with it)
 * @param outboundSpi the gateway's SPI (we send with it)
 * @param encryption the ESP cipher
 * @param integrity the ESP integrity algorithm, or null for AEAD
 * @param keyExchange the PFS method, or null without PFS
 * @param extendedSequenceNumbers whether ESN were negotiated
 * @param localSelectors the narrowed TSi
 * @param remoteSelectors the narrowed TSr
 */
public record ChildSaInfo(
    long inboundSpi,
    long outboundSpi,
    Algorithm encryption,
    Algorithm integrity,
    Algorithm keyExchange,
    boolean extendedSequenceNumbers,
    List<TrafficSelector> localSelectors,
    List<TrafficSelector> remoteSelectors) {

  public ChildSaInfo {
    localSelectors = List.copyOf(localSelectors);
    remoteSelectors = List.copyOf(remoteSelectors);
  }

  /** strongSwan-style algorithm string, e.g. {@code aes256gcm16} or {@code aes256-sha256}. */
  public String algorithms() {
    return ProposalTransforms.format(List.of(encryption), ProposalTransforms.optional(integrity),
        List.of(), ProposalTransforms.optional(keyExchange), List.of(),
        extendedSequenceNumbers ? List.of(Algorithm.ESN) : List.of());
  }
}

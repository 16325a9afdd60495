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
 * @param additionalKeyExchanges the RFC 9370 key exchanges that followed {@code keyExchange}
 *     (IKE_FOLLOWUP_KE), in order; empty without
 */
public record ChildSaInfo(
    long inboundSpi,
    long outboundSpi,
    Algorithm encryption,
    Algorithm integrity,
    Algorithm keyExchange,
    boolean extendedSequenceNumbers,
    List<TrafficSelector> localSelectors,
    List<TrafficSelector> remoteSelectors,
    List<Algorithm> additionalKeyExchanges) {

  public ChildSaInfo {
    localSelectors = List.copyOf(localSelectors);
    remoteSelectors = List.copyOf(remoteSelectors);
    additionalKeyExchanges = List.copyOf(additionalKeyExchanges);
  }

  /** A CHILD SA without additional key exchanges (the one of IKE_AUTH, or classic PFS). */
  public ChildSaInfo(long inboundSpi, long outboundSpi, Algorithm encryption,
      Algorithm integrity, Algorithm keyExchange, boolean extendedSequenceNumbers,
      List<TrafficSelector> localSelectors, List<TrafficSelector> remoteSelectors) {
    this(inboundSpi, outboundSpi, encryption, integrity, keyExchange, extendedSequenceNumbers,
        localSelectors, remoteSelectors, List.of());
  }

  /**
   * strongSwan-style algorithm string, e.g. {@code aes256gcm16}, {@code aes256-sha256} or {@code
   * aes256gcm16-curve25519-ke1_mlkem768}.
   */
  public String algorithms() {
    List<List<Algorithm>> additional = additionalKeyExchanges.stream().map(List::of).toList();
    return ProposalTransforms.format(List.of(encryption), ProposalTransforms.optional(integrity),
        List.of(), ProposalTransforms.optional(keyExchange), additional,
        extendedSequenceNumbers ? List.of(Algorithm.ESN) : List.of());
  }
}

package dev.fulmar.core.api;

import static dev.fulmar.core.api.ProposalTransforms.invalid;

import java.util.List;
import java.util.Objects;

/**
 * One ESP proposal for a CHILD SA (RFC 7296 §3.3): encryption, integrity (none for AEAD), optional
 * key exchange methods for PFS, and extended sequence numbers. Built from IANA transforms with
 * {@link #builder()}, which refuses weak and unsupported algorithms; printed in strongSwan's
 * syntax, e.g. {@code aes256gcm16} or {@code aes256-sha256-ecp256-esn}.
 */
public final class EspProposal {
  private final List<Algorithm> encryption;
  private final List<Algorithm> integrity;
  private final List<Algorithm> keyExchange;
  private final List<Algorithm> esn;

  private EspProposal(List<Algorithm> encryption, List<Algorithm> integrity,
      List<Algorithm> keyExchange, List<Algorithm> esn) {
    this.encryption = List.copyOf(encryption);
    this.integrity = List.copyOf(integrity);
    this.keyExchange = List.copyOf(keyExchange);
    this.esn = esn.isEmpty() ? List.of(Algorithm.NO_ESN) : List.copyOf(esn);
  }

  /**
   * The same proposal without key exchange methods: the CHILD SA of IKE_AUTH has no PFS (RFC 7296
   * §1.2), so its proposals carry none.
   */
  public EspProposal withoutKeyExchange() {
    return new EspProposal(encryption, integrity, List.of(), esn);
  }

  /** A builder of an ESP proposal from IANA transforms (types 1, 3, 4 and 5). */
  public static ProposalBuilder<EspProposal> builder() {
    return new ProposalBuilder<>(EspProposal::of);
  }

  /**
   * ESP's shape: ciphers with integrity unless AEAD, optional PFS and ESN (32-bit sequence numbers
   * only when there is no ESN transform); no PRF and no additional key exchange.
   */
  private static EspProposal of(ProposalTransforms.Resolved r) throws IkeSessionException {
    if (!r.prf.isEmpty() || r.hasAdditional()) {
      throw invalid("PRFs and keN_ methods are IKE settings: " + r.quoted());
    }
    ProposalTransforms.checkCiphers(r);
    return new EspProposal(r.encryption, r.integrity, r.keyExchange, r.esn);
  }

  /** Modern defaults: AES-GCM and ChaCha20-Poly1305, then AES-CBC with HMAC-SHA2. */
  public static List<EspProposal> defaults() {
    return List.of(
        ProposalBuilder.builtIn(builder(), List.of(Algorithm.AES_GCM_16_256,
            Algorithm.AES_GCM_16_128, Algorithm.CHACHA20_POLY1305)),
        ProposalBuilder.builtIn(builder(), List.of(Algorithm.AES_CBC_256, Algorithm.AES_CBC_128,
            Algorithm.HMAC_SHA2_256_128, Algorithm.HMAC_SHA2_384_192,
            Algorithm.HMAC_SHA2_512_256)));
  }

  public List<Algorithm> encryption() {
    return encryption;
  }

  public List<Algorithm> integrity() {
    return integrity;
  }

  /** Key exchange methods for PFS; empty when the CHILD SA uses none. */
  public List<Algorithm> keyExchange() {
    return keyExchange;
  }

  /** {@link Algorithm#NO_ESN} and/or {@link Algorithm#ESN}. */
  public List<Algorithm> esn() {
    return esn;
  }

  /** strongSwan syntax; {@code noesn} alone, the default, is not printed. */
  @Override
  public String toString() {
    return ProposalTransforms.format(encryption, integrity, List.of(), keyExchange, List.of(),
        esn.equals(List.of(Algorithm.NO_ESN)) ? List.of() : esn);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EspProposal && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}

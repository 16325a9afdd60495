package dev.fulmar.core.api;

import static dev.fulmar.core.api.ProposalTransforms.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ESP proposal for a CHILD SA (RFC 7296 §3.3): encryption, integrity (none for AEAD), optional
 * key exchange methods for PFS (with up to seven additional ones, RFC 9370 §2.2.4, used when a
 * CHILD SA is created or rekeyed with CREATE_CHILD_SA), and extended sequence numbers. Built from
 * IANA transforms with {@link #builder()}, which refuses weak and unsupported algorithms; printed
 * in strongSwan's syntax, e.g. {@code aes256gcm16}, {@code aes256-sha256-ecp256-esn} or {@code
 * aes256gcm16-x25519-ke1_mlkem768}.
 */
public final class EspProposal {
  private final List<Algorithm> encryption;
  private final List<Algorithm> integrity;
  private final List<Algorithm> keyExchange;
  private final List<List<Algorithm>> additionalKeyExchanges;
  private final List<Algorithm> esn;

  private EspProposal(List<Algorithm> encryption, List<Algorithm> integrity,
      List<Algorithm> keyExchange, List<List<Algorithm>> additional, List<Algorithm> esn) {
    this.encryption = List.copyOf(encryption);
    this.integrity = List.copyOf(integrity);
    this.keyExchange = List.copyOf(keyExchange);
    List<List<Algorithm>> extra = new ArrayList<>();
    int last = -1;
    for (int i = 0; i < additional.size(); i++) {
      extra.add(List.copyOf(additional.get(i)));
      last = additional.get(i).isEmpty() ? last : i;
    }
    this.additionalKeyExchanges = List.copyOf(extra.subList(0, last + 1));
    this.esn = esn.isEmpty() ? List.of(Algorithm.NO_ESN) : List.copyOf(esn);
  }

  /**
   * The same proposal without key exchange methods: the CHILD SA of IKE_AUTH has no PFS (RFC 7296
   * §1.2), so its proposals carry none.
   */
  public EspProposal withoutKeyExchange() {
    return new EspProposal(encryption, integrity, List.of(), List.of(), esn);
  }

  /** A builder of an ESP proposal from IANA transforms (types 1, 3, 4 and 5). */
  public static ProposalBuilder<EspProposal> builder() {
    return new ProposalBuilder<>(EspProposal::of);
  }

  /**
   * ESP's shape: ciphers with integrity unless AEAD, optional PFS and ESN (32-bit sequence numbers
   * only when there is no ESN transform); no PRF; additional key exchanges only on top of a PFS
   * key exchange.
   */
  private static EspProposal of(ProposalTransforms.Resolved r) throws IkeSessionException {
    if (!r.prf.isEmpty()) {
      throw invalid("PRFs are IKE settings: " + r.quoted());
    }
    if (r.hasAdditional() && r.keyExchange.isEmpty()) {
      throw invalid("keN_ methods of an ESP proposal need a PFS key exchange before them: "
          + r.quoted());
    }
    ProposalTransforms.checkCiphers(r);
    return new EspProposal(r.encryption, r.integrity, r.keyExchange, r.additional, r.esn);
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

  /**
   * The additional key exchanges for PFS (RFC 9370), slot n-1 for ADDKEn, each slot a list of
   * alternatives (possibly including {@link Algorithm#KE_NONE}); empty when there are none.
   */
  public List<List<Algorithm>> additionalKeyExchanges() {
    return additionalKeyExchanges;
  }

  /** {@link Algorithm#NO_ESN} and/or {@link Algorithm#ESN}. */
  public List<Algorithm> esn() {
    return esn;
  }

  /** strongSwan syntax; {@code noesn} alone, the default, is not printed. */
  @Override
  public String toString() {
    return ProposalTransforms.format(encryption, integrity, List.of(), keyExchange,
        additionalKeyExchanges, esn.equals(List.of(Algorithm.NO_ESN)) ? List.of() : esn);
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

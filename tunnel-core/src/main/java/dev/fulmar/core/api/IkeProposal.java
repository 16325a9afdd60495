package dev.fulmar.core.api;

import static dev.fulmar.core.api.ProposalTransforms.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One IKE SA proposal (RFC 7296 §3.3): encryption, integrity (none for AEAD), PRF, the key
 * exchange method of IKE_SA_INIT and up to seven additional key exchanges (RFC 9370), each slot a
 * list of acceptable methods. Built from IANA transforms with {@link #builder()}, which refuses
 * weak and unsupported algorithms; printed in strongSwan's syntax, e.g. {@code
 * aes256gcm16-prfsha384-curve25519-ke1_mlkem768}.
 */
public final class IkeProposal {
  /** RFC 9370 §2.2: transform types 6..12, "Additional Key Exchange 1..7". */
  public static final int MAX_ADDITIONAL_KEY_EXCHANGES = 7;

  private final List<Algorithm> encryption;
  private final List<Algorithm> integrity;
  private final List<Algorithm> prf;
  private final List<Algorithm> keyExchange;
  private final List<List<Algorithm>> additionalKeyExchanges;

  private IkeProposal(ProposalTransforms.Resolved r) {
    this.encryption = List.copyOf(r.encryption);
    this.integrity = List.copyOf(r.integrity);
    this.prf = List.copyOf(r.prf);
    this.keyExchange = List.copyOf(r.keyExchange);
    List<List<Algorithm>> extra = new ArrayList<>();
    for (List<Algorithm> slot : r.additional) {
      extra.add(List.copyOf(slot));
    }
    this.additionalKeyExchanges = List.copyOf(extra);
  }

  /** A builder of an IKE proposal from IANA transforms (types 1..4 and 6..12). */
  public static ProposalBuilder<IkeProposal> builder() {
    return new ProposalBuilder<>(IkeProposal::of);
  }

  /** IKE's shape: ciphers with integrity unless AEAD, a PRF and a key exchange; no ESN. */
  private static IkeProposal of(ProposalTransforms.Resolved r) throws IkeSessionException {
    if (!r.esn.isEmpty()) {
      throw invalid("ESN is an ESP setting, not an IKE one: " + r.quoted());
    }
    ProposalTransforms.checkCiphers(r);
    if (r.prf.isEmpty()) {
      throw invalid("no PRF (e.g. prfsha384) in " + r.quoted());
    }
    if (r.keyExchange.isEmpty()) {
      throw invalid("no key exchange method in " + r.quoted());
    }
    return new IkeProposal(r);
  }

  /**
   * Modern defaults: AEAD first, then AES-CBC with HMAC-SHA2 and MODP-2048 for gateways configured
   * the Windows way. The first key exchange method (Curve25519) is the one we guess in KEi.
   */
  public static List<IkeProposal> defaults() {
    List<Algorithm> keyExchanges = List.of(Algorithm.CURVE25519, Algorithm.ECP_384,
        Algorithm.ECP_256, Algorithm.ECP_521, Algorithm.MODP_3072, Algorithm.MODP_2048,
        Algorithm.MODP_4096);
    List<Algorithm> aead = new ArrayList<>(List.of(Algorithm.AES_GCM_16_256,
        Algorithm.AES_GCM_16_128, Algorithm.CHACHA20_POLY1305, Algorithm.PRF_HMAC_SHA2_384,
        Algorithm.PRF_HMAC_SHA2_256, Algorithm.PRF_HMAC_SHA2_512));
    List<Algorithm> cbc = new ArrayList<>(List.of(Algorithm.AES_CBC_256, Algorithm.AES_CBC_128,
        Algorithm.HMAC_SHA2_256_128, Algorithm.HMAC_SHA2_384_192, Algorithm.HMAC_SHA2_512_256,
        Algorithm.PRF_HMAC_SHA2_256, Algorithm.PRF_HMAC_SHA2_384, Algorithm.PRF_HMAC_SHA2_512));
    aead.addAll(keyExchanges);
    cbc.addAll(keyExchanges);
    return List.of(ProposalBuilder.builtIn(builder(), aead),
        ProposalBuilder.builtIn(builder(), cbc));
  }

  public List<Algorithm> encryption() {
    return encryption;
  }

  /** Empty for AEAD proposals. */
  public List<Algorithm> integrity() {
    return integrity;
  }

  public List<Algorithm> prf() {
    return prf;
  }

  /** The methods for IKE_SA_INIT's KE payload (transform type 4). */
  public List<Algorithm> keyExchange() {
    return keyExchange;
  }

  /**
   * Seven slots (ke1..ke7); an empty slot is not negotiated, {@link Algorithm#KE_NONE} makes one
   * optional.
   */
  public List<List<Algorithm>> additionalKeyExchanges() {
    return additionalKeyExchanges;
  }

  /** Whether any key exchange of this proposal is post-quantum. */
  public boolean offersPostQuantum() {
    return keyExchange.stream().anyMatch(Algorithm::isPostQuantum)
        || additionalKeyExchanges.stream().flatMap(List::stream).anyMatch(Algorithm::isPostQuantum);
  }

  /** strongSwan syntax, e.g. {@code aes256gcm16-prfsha384-curve25519-ke1_mlkem768}. */
  @Override
  public String toString() {
    return ProposalTransforms.format(
        encryption, integrity, prf, keyExchange, additionalKeyExchanges, List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IkeProposal && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}

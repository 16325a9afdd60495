package dev.fulmar.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One IKE SA proposal (RFC 7296 §3.3): encryption, integrity (none for AEAD), PRF, the key
 * exchange method of IKE_SA_INIT and up to seven additional key exchanges (RFC 9370), each slot a
 * list of acceptable methods. Written and read in strongSwan's syntax, e.g. {@code
 * aes256gcm16-prfsha384-x25519-ke1_mlkem768}.
 */
public final class IkeProposal {
  /** RFC 9370 §2.2: transform types 6..12, "Additional Key Exchange 1..7". */
  public static final int MAX_ADDITIONAL_KEY_EXCHANGES = 7;

  private final List<Algorithm> encryption;
  private final List<Algorithm> integrity;
  private final List<Algorithm> prf;
  private final List<Algorithm> keyExchange;
  private final List<List<Algorithm>> additionalKeyExchanges;

  private IkeProposal(ProposalParser.Parsed p) {
    this.encryption = List.copyOf(p.encryption);
    this.integrity = List.copyOf(p.integrity);
    this.prf = List.copyOf(p.prf);
    this.keyExchange = List.copyOf(p.keyExchange);
    List<List<Algorithm>> extra = new ArrayList<>();
    for (List<Algorithm> slot : p.additional) {
      extra.add(List.copyOf(slot));
    }
    this.additionalKeyExchanges = List.copyOf(extra);
  }

  /**
   * Parses a proposal string.
   *
   * @throws IkeSessionException with {@link ErrorCode#WEAK_ALGORITHM} naming the weak algorithms,
   *     or {@link ErrorCode#INVALID_PARAMETERS} for an unknown keyword or an incomplete proposal
   */
  public static IkeProposal parse(String text) throws IkeSessionException {
    ProposalParser.Parsed p = ProposalParser.parse(text);
    if (!p.esn.isEmpty()) {
      throw ProposalParser.invalid("ESN is an ESP setting, not an IKE one: \"" + text + "\"");
    }
    if (p.encryption.isEmpty()) {
      throw ProposalParser.invalid("no encryption algorithm in \"" + text + "\"");
    }
    boolean aead = p.encryption.get(0).isAead();
    if (p.encryption.stream().anyMatch(a -> a.isAead() != aead)) {
      throw ProposalParser.invalid(
          "AEAD and non-AEAD ciphers must be in separate proposals: \"" + text + "\"");
    }
    if (aead) {
      // strongSwan reads integrity keywords in an AEAD proposal as PRFs.
      p.integrity.forEach(i -> addOnce(p.prf, ProposalParser.prfFor(i)));
      p.integrity.clear();
    } else if (p.integrity.isEmpty()) {
      throw ProposalParser.invalid("no integrity algorithm in \"" + text + "\"");
    }
    if (p.prf.isEmpty()) {
      if (aead) {
        throw ProposalParser.invalid("no PRF (e.g. prfsha384) in \"" + text + "\"");
      }
      p.integrity.forEach(i -> addOnce(p.prf, ProposalParser.prfFor(i)));
    }
    if (p.keyExchange.isEmpty()) {
      throw ProposalParser.invalid("no key exchange method in \"" + text + "\"");
    }
    return new IkeProposal(p);
  }

  /** Parses several proposal strings. */
  public static List<IkeProposal> parseAll(List<String> texts) throws IkeSessionException {
    List<IkeProposal> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(t));
    }
    return List.copyOf(out);
  }

  /**
   * Modern defaults: AEAD first, then AES-CBC with HMAC-SHA2 and MODP-2048 for gateways configured
   * the Windows way. The first key exchange method (Curve25519) is the one we guess in KEi.
   */
  public static List<IkeProposal> defaults() {
    try {
      return parseAll(
          List.of(
              "aes256gcm16-aes128gcm16-chacha20poly1305-prfsha384-prfsha256-prfsha512"
                  + "-curve25519-ecp384-ecp256-ecp521-modp3072-modp2048-modp4096",
              "aes256-aes128-sha256-sha384-sha512"
                  + "-curve25519-ecp384-ecp256-ecp521-modp3072-modp2048-modp4096"));
    } catch (IkeSessionException e) {
      throw new AssertionError(e);
    }
  }

  private static void addOnce(List<Algorithm> list, Algorithm a) {
    if (!list.contains(a)) {
      list.add(a);
    }
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

  /** Seven slots (ke1..ke7); an empty slot is not negotiated, {@link Algorithm#KE_NONE} = optional. */
  public List<List<Algorithm>> additionalKeyExchanges() {
    return additionalKeyExchanges;
  }

  /** Whether any key exchange of this proposal is post-quantum. */
  public boolean offersPostQuantum() {
    return keyExchange.stream().anyMatch(Algorithm::isPostQuantum)
        || additionalKeyExchanges.stream().flatMap(List::stream).anyMatch(Algorithm::isPostQuantum);
  }

  /** strongSwan syntax, e.g. {@code aes256gcm16-prfsha384-x25519-ke1_mlkem768}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    encryption.forEach(a -> parts.add(a.keyword()));
    integrity.forEach(a -> parts.add(a.keyword()));
    prf.forEach(a -> parts.add(a.keyword()));
    keyExchange.forEach(a -> parts.add(a.keyword()));
    for (int i = 0; i < additionalKeyExchanges.size(); i++) {
      String prefix = "ke" + (i + 1) + "_";
      additionalKeyExchanges.get(i).forEach(a -> parts.add(prefix + a.keyword()));
    }
    return parts.stream().collect(Collectors.joining("-"));
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

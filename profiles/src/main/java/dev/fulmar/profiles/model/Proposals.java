package dev.fulmar.profiles.model;

import java.util.List;

/**
 * The IKE and ESP proposals a profile offers. Empty lists mean "Fulmar's defaults", which are
 * modern (AEAD first, elliptic curves first) and still meet gateways configured the Windows way
 * (AES-CBC with SHA-256 and MODP-2048 or ECP-384).
 */
public record Proposals(List<IkeProposal> ike, List<EspProposal> esp) {

  /** The default IKE proposals, strongest first, in strongSwan syntax. */
  public static final List<String> DEFAULT_IKE_TEXT =
      List.of(
          "aes256gcm16-aes128gcm16-chacha20poly1305-prfsha384-prfsha256-prfsha512"
              + "-ecp384-x25519-ecp256-modp3072-modp2048",
          "aes256-aes128-sha256-sha384-sha512-prfsha256-prfsha384-prfsha512"
              + "-ecp384-ecp256-modp2048-modp3072");

  /** The default ESP proposals: AEAD, then AES-CBC with SHA-2 for Windows gateways. No PFS. */
  public static final List<String> DEFAULT_ESP_TEXT =
      List.of("aes256gcm16-aes128gcm16-chacha20poly1305", "aes256-aes128-sha256-sha384-sha512");

  /** No explicit proposals: use the defaults. */
  public static final Proposals DEFAULTS = new Proposals(List.of(), List.of());

  public Proposals {
    ike = List.copyOf(ike);
    esp = List.copyOf(esp);
  }

  /** The IKE proposals to offer: the profile's, or the defaults. */
  public List<IkeProposal> effectiveIke() {
    return ike.isEmpty()
        ? parseAll(DEFAULT_IKE_TEXT, true).stream().map(IkeProposal.class::cast).toList()
        : ike;
  }

  /** The ESP proposals to offer: the profile's, or the defaults. */
  public List<EspProposal> effectiveEsp() {
    return esp.isEmpty()
        ? parseAll(DEFAULT_ESP_TEXT, false).stream().map(EspProposal.class::cast).toList()
        : esp;
  }

  private static List<Object> parseAll(List<String> texts, boolean ikeKind) {
    try {
      java.util.ArrayList<Object> out = new java.util.ArrayList<>();
      for (String t : texts) {
        out.add(ikeKind ? IkeProposal.parse(t) : EspProposal.parse(t));
      }
      return out;
    } catch (ProposalSyntaxException e) {
      throw new IllegalStateException("built-in default proposal does not parse", e);
    }
  }
}

package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.Algorithm;
import dev.fulmar.profiles.model.Encryption;
import dev.fulmar.profiles.model.EspProposal;
import dev.fulmar.profiles.model.IkeProposal;
import dev.fulmar.profiles.model.Proposals;
import java.util.List;

/**
 * Which proposals a profile may carry: no weak algorithm (RFC 8221, RFC 8247: DES, 3DES, Blowfish,
 * CAST, MD5, SHA-1, MODP below 2048), nothing Fulmar does not implement, and a shape that can be
 * negotiated (AEAD without integrity, CBC with integrity, IKE with a PRF and a key exchange). A
 * profile can never lower this floor.
 */
final class ProposalPolicy {
  private ProposalPolicy() {}

  static void check(Proposals proposals, List<Problem> out) {
    for (int i = 0; i < proposals.ike().size(); i++) {
      String path = "proposals.ike[" + i + "]";
      IkeProposal p = proposals.ike().get(i);
      algorithms(path, p.algorithms(), out);
      shape(path, p.encryption(), !p.integrity().isEmpty(), out);
      if (p.prf().isEmpty()) {
        out.add(Problem.error(path, "an IKE proposal needs a PRF, e.g. prfsha384 ('" + p + "')"));
      }
      if (p.keyExchange().isEmpty()) {
        out.add(
            Problem.error(
                path,
                "an IKE proposal needs a key exchange method, e.g. ecp384 or x25519 ('"
                    + p
                    + "')"));
      }
    }
    for (int i = 0; i < proposals.esp().size(); i++) {
      String path = "proposals.esp[" + i + "]";
      EspProposal p = proposals.esp().get(i);
      algorithms(path, p.algorithms(), out);
      shape(path, p.encryption(), !p.integrity().isEmpty(), out);
    }
  }

  private static void algorithms(String path, List<Algorithm> algorithms, List<Problem> out) {
    for (Algorithm a : algorithms) {
      String name = "'" + a.keyword() + "' (" + a.ianaName() + ")";
      if (a.status() == Algorithm.Status.WEAK) {
        out.add(
            Problem.error(
                path,
                name
                    + " is too weak and is refused (RFC 8221/8247); a profile cannot lower Fulmar's"
                    + " minimum: remove it and ask the gateway's admin for a modern suite"));
      } else if (a.status() == Algorithm.Status.UNSUPPORTED) {
        out.add(Problem.error(path, name + " is not supported by Fulmar"));
      }
    }
  }

  private static void shape(
      String path, List<Encryption> encryption, boolean hasIntegrity, List<Problem> out) {
    long aead = encryption.stream().filter(Encryption::isAead).count();
    if (aead > 0 && aead < encryption.size()) {
      out.add(
          Problem.error(
              path,
              "mixes AEAD ciphers (like aes256gcm16) with non-AEAD ciphers "
                  + "(like aes256) in one proposal: split them into two proposals"));
    } else if (aead > 0 && hasIntegrity) {
      out.add(
          Problem.error(
              path,
              "AEAD ciphers (like aes256gcm16) take no integrity algorithm: "
                  + "remove it or use a PRF (prfsha384) instead"));
    } else if (aead == 0 && !encryption.isEmpty() && !hasIntegrity) {
      out.add(Problem.error(path, "a non-AEAD cipher needs an integrity algorithm, e.g. sha256"));
    }
    if (encryption.isEmpty()) {
      out.add(Problem.error(path, "names no encryption algorithm"));
    }
  }
}

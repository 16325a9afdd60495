package dev.fulmar.profiles.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * strongSwan's Android/macOS profile format ({@code .sswan}, JSON): uuid, name, type, remote,
 * local, proposals, DNS, MTU, NAT keepalive, split tunnelling. Android-only settings (per-app
 * rules, proxy) are reported as dropped.
 */
final class SswanImporter implements FormatImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of(
          "uuid",
          "name",
          "type",
          "remote",
          "local",
          "ike-proposal",
          "esp-proposal",
          "dns-servers",
          "mtu",
          "nat-keepalive",
          "ipv6-transport",
          "proxy",
          "split-tunneling",
          "apps",
          "excluded-apps");

  @Override
  public Format format() {
    return Format.SSWAN;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    String t = text.stripLeading();
    return t.startsWith("{") && t.contains("\"type\"") && t.contains("\"remote\"");
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var l = e.getLocation();
      return failed(
          Problem.error("", Conversions.jsonMessage(e))
              .at(l == null ? null : new Location(l.getLineNr(), l.getColumnNr())));
    }
    if (root == null || !root.isObject()) {
      return failed(Problem.error("", "a .sswan file is a JSON object"));
    }
    ReportBuilder rb = new ReportBuilder();
    List<Problem> problems = new ArrayList<>();
    SecretBundle secrets = SecretBundle.empty();
    Profile.Builder b = Profile.builder().id(id(root, data, rb));
    String name = text(root, "name");
    b.name(name != null ? name : nameHint);
    rb.mapped(name != null ? "name" : "(file name)", "name");
    remote(root.path("remote"), b, rb, problems);
    Authentication auth = auth(root, b, rb, problems, secrets);
    if (auth == null) {
      return new ImportResult(
          Format.SSWAN, null, rb.build(Format.SSWAN), problems, SecretBundle.empty());
    }
    b.auth(auth);
    SswanNetwork.read(root, b, rb);
    b.proposals(
        new Proposals(
            Conversions.ike(optionalList(root, "ike-proposal"), "ike-proposal", rb),
            Conversions.esp(optionalList(root, "esp-proposal"), "esp-proposal", rb)));
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!KNOWN.contains(f)) {
                rb.dropped(f, "not a strongSwan profile setting Fulmar knows");
              }
            });
    return new ImportResult(Format.SSWAN, b.build(), rb.build(Format.SSWAN), problems, secrets);
  }

  private static ImportResult failed(Problem p) {
    return new ImportResult(
        Format.SSWAN,
        null,
        new ReportBuilder().build(Format.SSWAN),
        List.of(p),
        SecretBundle.empty());
  }

  private static UUID id(JsonNode root, byte[] data, ReportBuilder rb) {
    String uuid = text(root, "uuid");
    try {
      if (uuid != null) {
        UUID u = UUID.fromString(uuid);
        rb.mapped("uuid", "id (importing a file with the same uuid replaces the profile)");
        return u;
      }
    } catch (IllegalArgumentException e) {
      rb.dropped("uuid", "'" + uuid + "' is not a UUID; a new id was made");
    }
    return Conversions.idFor(data);
  }

  private static void remote(
      JsonNode r, Profile.Builder b, ReportBuilder rb, List<Problem> problems) {
    String addr = text(r, "addr");
    if (addr == null) {
      problems.add(Problem.error("gateway.host", "the file has no remote.addr (the gateway)"));
      addr = "";
    }
    int port = Gateway.DEFAULT_PORT;
    if (r.has("port")) {
      int p = r.path("port").asInt(-1);
      if (p >= 1 && p <= 65535) {
        port = p;
        rb.mapped("remote.port", "gateway.port");
      } else {
        rb.dropped(
            "remote.port",
            "'" + r.path("port").asText() + "' is not a port (1–65535); 500 is used");
      }
    }
    b.gateways(List.of(new Gateway(addr.strip(), port)));
    rb.mapped("remote.addr", "gateway.host");
    String id = text(r, "id");
    b.remoteId(Identity.parse(id != null ? id : addr.strip()));
    rb.mapped(id != null ? "remote.id" : "remote.addr", "remoteId");
    String cert = text(r, "cert");
    if (cert != null) {
      try {
        b.trust(
            new Trust(
                List.of(new CaCertificate.Pem(Conversions.pem(Bytes.fromBase64(cert).toArray()))),
                List.of(),
                false));
        rb.mapped("remote.cert", "trust.caCertificates[0]");
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error("trust.caCertificates", "remote.cert is not base64"));
      }
    } else {
      rb.note(
          "the file names no CA certificate: the gateway is checked against the system's trust"
              + " store");
    }
    for (String f : new String[] {"certreq", "revocation"}) {
      if (r.has(f)) {
        rb.dropped(
            "remote." + f,
            f.equals("certreq")
                ? "Fulmar always sends certificate requests"
                : "revocation checking is not configurable per profile");
      }
    }
  }

  private static Authentication auth(
      JsonNode root,
      Profile.Builder b,
      ReportBuilder rb,
      List<Problem> problems,
      SecretBundle secrets) {
    JsonNode local = root.path("local");
    String type = text(root, "type");
    String localId = text(local, "id");
    if (localId != null) {
      b.localId(Identity.parse(localId));
      rb.mapped("local.id", "localId");
    }
    String user = text(local, "eap_id");
    if (user == null && localId != null) {
      user = localId;
    }
    Pkcs12 p12 = null;
    String p12text = text(local, "p12");
    if (p12text != null) {
      try {
        p12 = new Pkcs12.Embedded(Bytes.fromBase64(p12text));
        rb.mapped("local.p12", "auth.pkcs12.data");
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error("auth.pkcs12", "local.p12 is not base64"));
      }
    }
    String secret = text(local, "shared_secret");
    if (local.has("rsa-pss")) {
      rb.dropped(
          "local.rsa-pss",
          "Fulmar picks RSA-PSS by itself when the gateway announces it (RFC 7427)");
    }
    Authentication.PasswordEap eap = new Authentication.PasswordEap(EapMethod.MSCHAPV2, user);
    Authentication a;
    switch (type == null ? "" : type) {
      case "ikev2-eap", "ikev2-byod-eap" -> a = eap;
      case "ikev2-cert" -> a = new Authentication.Certificate(p12);
      case "ikev2-cert-eap" -> a = new Authentication.CertificateThenEap(p12, eap);
      case "ikev2-eap-tls" -> a = new Authentication.EapTls(p12, user);
      default -> {
        problems.add(
            Problem.error(
                "auth.method",
                "'"
                    + type
                    + "' is not a strongSwan profile type "
                    + "(ikev2-eap, ikev2-cert, ikev2-cert-eap, ikev2-eap-tls, ikev2-byod-eap)"));
        return null;
      }
    }
    rb.mapped("type " + type, "auth.method " + a.method());
    if (type.equals("ikev2-byod-eap")) {
      rb.dropped(
          "type ikev2-byod-eap",
          "the BYOD health check (TNC) is not supported; plain EAP-MSCHAPv2 is used");
    }
    if (a instanceof Authentication.PasswordEap || a instanceof Authentication.CertificateThenEap) {
      rb.mapped("local.eap_id", "auth.username");
      if (secret != null) {
        secrets.put(SecretKind.EAP_PASSWORD, secret.toCharArray());
        rb.mapped("local.shared_secret", "the keychain (EAP password)");
      }
    } else if (secret != null) {
      rb.dropped("local.shared_secret", "this profile type does not use a password");
    }
    return a;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() || v.isNumber() ? v.asText() : null;
  }

  /** A list given as a JSON array or as one space-separated string (as strongSwan accepts). */
  static List<String> list(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(
          x -> {
            if (x.isValueNode()) {
              out.add(x.asText().replace(" ", ""));
            }
          });
    } else if (v.isTextual()) {
      out.addAll(Conversions.splitList(v.asText()));
    }
    return out;
  }

  private static List<String> optionalList(JsonNode root, String field) {
    JsonNode v = root.path(field);
    return v.isTextual() ? Conversions.splitList(v.asText().replace(',', ' ')) : list(v);
  }
}

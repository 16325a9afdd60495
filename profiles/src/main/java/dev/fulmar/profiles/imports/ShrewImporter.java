package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shrew Soft VPN site files (IKEv1): converted to an IKEv2 profile with a visible "converted from
 * IKEv1" report. What carries over: gateway, identities, server certificate, split networks, DNS,
 * algorithms (weak ones refused). What cannot (XAuth, aggressive mode, WINS, IPComp, vendor
 * options) is reported, never silently dropped.
 */
final class ShrewImporter implements FormatImporter {
  /** A site file starts with a typed key: {@code s:name:}, {@code n:name:} or {@code b:name:}. */
  private static final Pattern FIRST_KEY = Pattern.compile("[snb]:[a-z0-9-]+:");
  private static final Map<String, Identity.Type> ID_TYPES =
      Map.of(
          "address",
          Identity.Type.IPV4_ADDR,
          "fqdn",
          Identity.Type.FQDN,
          "ufqdn",
          Identity.Type.RFC822_ADDR,
          "keyid",
          Identity.Type.KEY_ID,
          "asn1dn",
          Identity.Type.DER_ASN1_DN);

  @Override
  public Format format() {
    return Format.SHREW;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    String t = text.stripLeading();
    return FIRST_KEY.matcher(t).lookingAt()
        && (t.contains("s:network-host:") || t.contains("n:version:"));
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    List<Problem> problems = new ArrayList<>();
    ShrewFile f = ShrewFile.parse(text, problems);
    ReportBuilder rb = new ReportBuilder();
    if (problems.stream().anyMatch(Problem::isError)) {
      return new ImportResult(
          Format.SHREW, null, rb.build(Format.SHREW), problems, SecretBundle.empty());
    }
    rb.note(
        "converted from IKEv1 (Shrew Soft): the gateway must also accept IKEv2 with these settings;"
            + " check with your administrator");
    SecretBundle secrets = SecretBundle.empty();
    Profile.Builder b = Profile.builder().id(Conversions.idFor(data)).name(nameHint);
    rb.mapped("(file name)", "name");
    String host = f.s("network-host");
    if (host == null) {
      problems.add(Problem.error("gateway.host", "the site file has no network-host"));
    }
    b.gateways(
        List.of(
            new Gateway(
                host == null ? "" : host.strip(),
                (int) Math.max(1, Math.min(65535, f.n("network-ike-port", 500))))));
    rb.mapped("network-host / network-ike-port", "gateway");
    identities(f, b, rb);
    trust(f, b, rb);
    b.auth(auth(f, rb, secrets));
    new ShrewMapping(f, rb).apply(b);
    return new ImportResult(Format.SHREW, b.build(), rb.build(Format.SHREW), problems, secrets);
  }

  private static void identities(ShrewFile f, Profile.Builder b, ReportBuilder rb) {
    Identity.Type local = ID_TYPES.get(String.valueOf(f.s("ident-client-type")));
    String localData = f.s("ident-client-data");
    if (local != null && localData != null && !localData.isBlank()) {
      b.localId(new Identity(local, localData.strip()));
      rb.mapped(
          "ident-client-type " + f.s("ident-client-type") + " / ident-client-data",
          "localId (" + local + ")");
    }
    String serverType = String.valueOf(f.s("ident-server-type"));
    Identity.Type remote = ID_TYPES.get(serverType);
    String remoteData = f.s("ident-server-data");
    if (remote != null && remoteData != null && !remoteData.isBlank()) {
      b.remoteId(new Identity(remote, remoteData.strip()));
      rb.mapped(
          "ident-server-type " + serverType + " / ident-server-data", "remoteId (" + remote + ")");
    } else if (serverType.equals("any")) {
      rb.note("ident-server-type any: the gateway's certificate is checked against its host name");
    }
  }

  private static void trust(ShrewFile f, Profile.Builder b, ReportBuilder rb) {
    byte[] ca = f.binaries.get("auth-server-cert-data");
    if (ca != null) {
      String text = new String(ca, StandardCharsets.US_ASCII);
      b.trust(
          new Trust(
              List.of(
                  new CaCertificate.Pem(
                      text.contains("-----BEGIN CERTIFICATE-----") ? text : Conversions.pem(ca))),
              List.of(),
              false));
      rb.mapped("auth-server-cert-data", "trust.caCertificates[0]");
    } else if (f.s("auth-server-cert-name") != null || f.s("auth-server-cert") != null) {
      rb.supply(
          "the CA certificate '"
              + (f.s("auth-server-cert-name") != null
                  ? f.s("auth-server-cert-name")
                  : f.s("auth-server-cert"))
              + "' named by the site file (it is not inside the file)");
    }
  }

  private static Authentication auth(ShrewFile f, ReportBuilder rb, SecretBundle secrets) {
    String method = String.valueOf(f.s("auth-method"));
    String user = f.s("client-saved-username");
    Authentication.PasswordEap eap = new Authentication.PasswordEap(EapMethod.MSCHAPV2, user);
    if (user != null) {
      rb.mapped("client-saved-username", "auth.username");
    }
    byte[] psk = f.binaries.get("auth-mutual-psk");
    boolean clientCert =
        f.has("auth-client-cert-data")
            || f.has("auth-client-cert-name")
            || f.has("auth-client-cert");
    if (clientCert) {
      rb.dropped(
          "auth-client-cert / auth-client-key",
          "Fulmar keeps the client certificate and key as one PKCS#12 bundle and never stores a"
              + " bare private key: combine them (openssl pkcs12 -export) and add the file");
    }
    Authentication a;
    switch (method) {
      case "mutual-psk" -> a = new Authentication.Psk();
      case "mutual-rsa" -> a = new Authentication.Certificate(null);
      case "mutual-rsa-xauth" -> a = new Authentication.CertificateThenEap(null, eap);
      case "mutual-psk-xauth", "hybrid-rsa-xauth", "hybrid-grp-xauth" -> a = eap;
      default -> {
        rb.dropped("auth-method " + method, "unknown; EAP-MSCHAPv2 is assumed");
        a = eap;
      }
    }
    rb.mapped("auth-method " + method, "auth.method " + a.method());
    if (method.endsWith("xauth")) {
      rb.note(
          "XAuth (IKEv1) becomes EAP-MSCHAPv2 in IKEv2 with the gateway authenticated by its"
              + " certificate: this works only if the gateway supports IKEv2 with EAP");
    }
    if (psk != null && a instanceof Authentication.Psk) {
      secrets.put(SecretKind.PSK, new String(psk, StandardCharsets.UTF_8).toCharArray());
      rb.mapped("auth-mutual-psk", "the keychain (pre-shared key)");
    } else if (psk != null) {
      rb.dropped(
          "auth-mutual-psk",
          "the group pre-shared key has no place in an IKEv2 EAP profile (group PSK + XAuth has no"
              + " IKEv2 equivalent) and was discarded: ask the admin whether the gateway wants PSK"
              + " + EAP or certificate + EAP");
    }
    java.util.Arrays.fill(psk == null ? new byte[0] : psk, (byte) 0);
    return a;
  }
}

package dev.fulmar.interop.profiles;

import dev.fulmar.interop.lab.Credential;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Apple configuration profiles ({@code .mobileconfig}) for the lab gateway as Apple Configurator
 * or an MDM writes them: a {@code com.apple.vpn.managed} IKEv2 payload next to a {@code
 * com.apple.security.root} payload (the lab CA) and, for certificate sign-in, a {@code
 * com.apple.security.pkcs12} payload with its password; optionally CMS-signed, as MDMs sign them.
 */
final class AppleProfiles {
  private static final String ROOT_UUID = "4E1F0A2B-7C3D-4B5E-9F60-A1B2C3D4E501";
  private static final String P12_UUID = "4E1F0A2B-7C3D-4B5E-9F60-A1B2C3D4E502";

  private final Pki pki;
  private final Path dir;

  AppleProfiles(Pki pki, Path dir) {
    this.pki = pki;
    this.dir = dir;
  }

  /**
   * Certificate sign-in: the client's PKCS#12 (and its password) as a payload the VPN payload
   * refers to by UUID; IKE AES-256/SHA2-256/group 14, child AES-128-GCM without PFS.
   */
  Path certificate(Credential client) {
    String p12 = data(client.pkcs12(ForeignProfiles.P12_PASSWORD.toCharArray()));
    String payloads = rootPayload() + """
        		<dict>
        			<key>Password</key>
        			<string>%s</string>
        			<key>PayloadCertificateFileName</key>
        			<string>%s.p12</string>
        			<key>PayloadContent</key>
        			<data>
        %s
        			</data>
        			<key>PayloadDisplayName</key>
        			<string>%s</string>
        			<key>PayloadIdentifier</key>
        			<string>test.fulmar.lab.pkcs12</string>
        			<key>PayloadType</key>
        			<string>com.apple.security.pkcs12</string>
        			<key>PayloadUUID</key>
        			<string>%s</string>
        			<key>PayloadVersion</key>
        			<integer>1</integer>
        		</dict>
        """.formatted(ForeignProfiles.P12_PASSWORD, client.name(), p12, client.identity(),
        P12_UUID) + vpnPayload("Lab certificate (mobileconfig)",
        "4E1F0A2B-7C3D-4B5E-9F60-A1B2C3D4E503", """
        				<key>AuthenticationMethod</key>
        				<string>Certificate</string>
        				<key>CertificateType</key>
        				<string>%s</string>
        				<key>PayloadCertificateUUID</key>
        				<string>%s</string>
        				<key>LocalIdentifier</key>
        				<string>%s</string>
        """.formatted(client.keyAlgorithm().equals("EC") ? "ECDSA256" : "RSA", P12_UUID,
            client.identity()),
        sa("AES-256", "SHA2-256", 14), sa("AES-128-GCM", "SHA2-256", 14));
    return write("fulmar-lab-cert.mobileconfig", profile("Lab certificate", payloads));
  }

  /**
   * EAP-MSCHAPv2 sign-in ({@code AuthenticationMethod None} + {@code ExtendedAuthEnabled}) with
   * the user's password in the payload; IKE AES-128-GCM/SHA2-256/Curve25519 (group 31), child
   * ChaCha20-Poly1305.
   */
  byte[] eapPlist() {
    String payloads = rootPayload() + vpnPayload("Lab EAP (mobileconfig)",
        "4E1F0A2B-7C3D-4B5E-9F60-A1B2C3D4E504", """
        				<key>AuthenticationMethod</key>
        				<string>None</string>
        				<key>ExtendedAuthEnabled</key>
        				<integer>1</integer>
        				<key>AuthName</key>
        				<string>%s</string>
        				<key>AuthPassword</key>
        				<string>%s</string>
        """.formatted(GatewayConfig.EAP_USER, GatewayConfig.EAP_PASSWORD),
        sa("AES-128-GCM", "SHA2-256", 31), sa("ChaCha20Poly1305", "SHA2-256", 31));
    return profile("Lab EAP", payloads).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code plist} wrapped in CMS SignedData (RFC 5652) with the content inside and the signer's
   * certificate chain attached, as {@code security cms -S} or an MDM produces it.
   */
  Path signed(String name, byte[] plist, Credential signer) {
    try {
      CMSSignedDataGenerator g = new CMSSignedDataGenerator();
      String alg = signer.keyAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      g.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
          .build(alg, signer.privateKey(), signer.certificate()));
      g.addCertificates(new JcaCertStore(List.of(signer.certificate(), signer.issuer())));
      byte[] der = g.generate(new CMSProcessableByteArray(plist), true).getEncoded();
      return write(name, der);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException
        | IOException e) {
      throw new IllegalStateException("cannot sign " + name, e);
    }
  }

  private String rootPayload() {
    try {
      return """
          		<dict>
          			<key>PayloadCertificateFileName</key>
          			<string>fulmar-lab-ca.cer</string>
          			<key>PayloadContent</key>
          			<data>
          %s
          			</data>
          			<key>PayloadDisplayName</key>
          			<string>%s</string>
          			<key>PayloadIdentifier</key>
          			<string>test.fulmar.lab.root</string>
          			<key>PayloadType</key>
          			<string>com.apple.security.root</string>
          			<key>PayloadUUID</key>
          			<string>%s</string>
          			<key>PayloadVersion</key>
          			<integer>1</integer>
          		</dict>
          """.formatted(data(pki.caCert().getEncoded()), pki.caName(), ROOT_UUID);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String vpnPayload(String name, String uuid, String auth, String ikeSa,
      String childSa) {
    return """
        		<dict>
        			<key>IKEv2</key>
        			<dict>
        				<key>RemoteAddress</key>
        				<string>%s</string>
        				<key>RemoteIdentifier</key>
        				<string>%s</string>
        %s				<key>DeadPeerDetectionRate</key>
        				<string>Medium</string>
        				<key>DisableMOBIKE</key>
        				<integer>0</integer>
        				<key>DisableRedirect</key>
        				<integer>0</integer>
        				<key>EnablePFS</key>
        				<integer>0</integer>
        				<key>IKESecurityAssociationParameters</key>
        %s				<key>ChildSecurityAssociationParameters</key>
        %s			</dict>
        			<key>DNS</key>
        			<dict>
        				<key>ServerAddresses</key>
        				<array><string>%s</string></array>
        			</dict>
        			<key>IPv4</key>
        			<dict>
        				<key>OverridePrimary</key>
        				<integer>1</integer>
        			</dict>
        			<key>PayloadDisplayName</key>
        			<string>VPN</string>
        			<key>PayloadIdentifier</key>
        			<string>test.fulmar.lab.vpn.%s</string>
        			<key>PayloadType</key>
        			<string>com.apple.vpn.managed</string>
        			<key>PayloadUUID</key>
        			<string>%s</string>
        			<key>PayloadVersion</key>
        			<integer>1</integer>
        			<key>UserDefinedName</key>
        			<string>%s</string>
        			<key>VPNType</key>
        			<string>IKEv2</string>
        		</dict>
        """.formatted(Lab.GATEWAY_IP, Lab.GATEWAY_NAME, auth, ikeSa, childSa, Lab.PUSHED_DNS,
        uuid.substring(uuid.length() - 3), uuid, name);
  }

  private static String sa(String encryption, String integrity, int group) {
    return """
        				<dict>
        					<key>EncryptionAlgorithm</key>
        					<string>%s</string>
        					<key>IntegrityAlgorithm</key>
        					<string>%s</string>
        					<key>DiffieHellmanGroup</key>
        					<integer>%d</integer>
        					<key>LifeTimeInMinutes</key>
        					<integer>1440</integer>
        				</dict>
        """.formatted(encryption, integrity, group);
  }

  private static String profile(String name, String payloads) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>PayloadContent</key>
        	<array>
        %s	</array>
        	<key>PayloadDisplayName</key>
        	<string>%s</string>
        	<key>PayloadIdentifier</key>
        	<string>test.fulmar.lab</string>
        	<key>PayloadRemovalDisallowed</key>
        	<false/>
        	<key>PayloadType</key>
        	<string>Configuration</string>
        	<key>PayloadUUID</key>
        	<string>4E1F0A2B-7C3D-4B5E-9F60-A1B2C3D4E500</string>
        	<key>PayloadVersion</key>
        	<integer>1</integer>
        </dict>
        </plist>
        """.formatted(payloads, name);
  }

  /** Base64 in 52-character lines indented by three tabs, as Apple's tools write {@code <data>}. */
  private static String data(byte[] der) {
    String b64 = Base64.getEncoder().encodeToString(der);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b64.length(); i += 52) {
      s.append("\t\t\t").append(b64, i, Math.min(b64.length(), i + 52)).append('\n');
    }
    return s.toString().stripTrailing();
  }

  private Path write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

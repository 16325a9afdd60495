package dev.fulmar.helper.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Policy;
import dev.fulmar.helper.control.SystemConfig;
import dev.fulmar.helper.control.TunnelServiceException;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.codec.ReadResult;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The machine's configuration in files: system profiles are the {@code *.vpn} files of one
 * directory ({@code /etc/fulmar/profiles}), read at every request so that a file an administrator
 * copies in counts at once; the policy is one JSON file ({@code /etc/fulmar/policy.json}). Both
 * are written atomically with mode 0644, because the app and the CLI list the system profiles
 * themselves and every user may read the policy; neither holds a secret (secrets in a profile
 * file are dropped when it is read). The control server lets only administrators write.
 */
final class FileSystemConfig implements SystemConfig {
  static final String PUBLIC_FILE = "rw-r--r--";
  private static final int MAX_FILES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path profileDir;
  private final Path policyFile;
  private final Consumer<String> warn;
  private final Set<String> reported = new HashSet<>();
  private volatile Policy policy;

  /**
   * Reads the policy now.
   *
   * @throws IOException naming the policy file and what is wrong with it: a helper must not run
   *     with a policy other than the administrator's
   */
  FileSystemConfig(Path profileDir, Path policyFile, Consumer<String> warn) throws IOException {
    this.profileDir = profileDir;
    this.policyFile = policyFile;
    this.warn = warn;
    this.policy = readPolicy(policyFile);
  }

  Path profileDir() {
    return profileDir;
  }

  @Override
  public synchronized List<Profile> systemProfiles() throws TunnelServiceException {
    List<Profile> out = new ArrayList<>();
    for (Path f : files()) {
      try {
        if (Files.size(f) > ProfileCodec.MAX_BYTES) {
          report(f, "it is larger than a profile may be");
          continue;
        }
        ReadResult r = ProfileCodec.read(Files.readAllBytes(f));
        r.secrets().close();
        if (r.ok()) {
          out.add(r.profile());
        } else {
          report(f, r.errors().toString());
        }
      } catch (IOException e) {
        report(f, "it cannot be read (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private List<Path> files() throws TunnelServiceException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(profileDir, "*.vpn")) {
      for (Path f : ds) {
        if (files.size() < MAX_FILES && Files.isRegularFile(f)) {
          files.add(f);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new TunnelServiceException(ErrorCode.INTERNAL, "cannot list the system profiles in "
          + profileDir + ": " + e.getMessage());
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  private void report(Path f, String why) {
    if (reported.add(f + ": " + why)) {
      warn.accept("skipped the system profile " + f + ": " + why);
    }
  }

  @Override
  public synchronized void saveSystemProfile(Profile profile) throws TunnelServiceException {
    Path target = profileDir.resolve(profile.id() + ".vpn");
    try {
      Files.createDirectories(profileDir);
      AtomicFiles.write(target, ProfileCodec.write(profile).getBytes(StandardCharsets.UTF_8),
          PUBLIC_FILE);
      for (Path other : filesNamed(profile.name())) {
        if (!other.equals(target)) {
          Files.deleteIfExists(other); // the same name under another id: replaced
        }
      }
      AtomicFiles.syncDirectory(profileDir);
    } catch (IOException e) {
      throw new TunnelServiceException(ErrorCode.INTERNAL, "cannot write " + target + ": "
          + e.getMessage());
    }
  }

  @Override
  public synchronized void deleteSystemProfile(String name) throws TunnelServiceException {
    List<Path> named = filesNamed(name);
    if (named.isEmpty()) {
      throw new TunnelServiceException(ErrorCode.UNKNOWN_PROFILE, "no system profile named '"
          + name + "'");
    }
    try {
      for (Path f : named) {
        Files.deleteIfExists(f);
      }
      AtomicFiles.syncDirectory(profileDir);
    } catch (IOException e) {
      throw new TunnelServiceException(ErrorCode.INTERNAL, "cannot delete the profile '" + name
          + "': " + e.getMessage());
    }
  }

  private List<Path> filesNamed(String name) throws TunnelServiceException {
    String key = name.strip().toLowerCase(Locale.ROOT);
    List<Path> out = new ArrayList<>();
    for (Path f : files()) {
      try {
        ReadResult r = ProfileCodec.read(Files.readAllBytes(f));
        r.secrets().close();
        if (r.ok() && r.profile().name().strip().toLowerCase(Locale.ROOT).equals(key)) {
          out.add(f);
        }
      } catch (IOException e) {
        // unreadable: not this profile as far as anyone can tell
      }
    }
    return out;
  }

  @Override
  public Policy policy() {
    return policy;
  }

  @Override
  public synchronized void setPolicy(Policy p) throws TunnelServiceException {
    try {
      Files.createDirectories(policyFile.toAbsolutePath().getParent());
      AtomicFiles.write(policyFile, policyJson(p).getBytes(StandardCharsets.UTF_8),
          PUBLIC_FILE);
      policy = p;
    } catch (IOException e) {
      throw new TunnelServiceException(ErrorCode.INTERNAL, "cannot write the policy "
          + policyFile + ": " + e.getMessage());
    }
  }

  static String policyJson(Policy p) throws JsonProcessingException {
    ObjectNode o = JSON.createObjectNode();
    if (p.adminGroup() != null) {
      o.put("adminGroup", p.adminGroup());
    }
    o.put("userProfilesAllowed", p.userProfilesAllowed());
    o.put("killSwitch", p.killSwitch().name());
    o.put("lanExceptionAllowed", p.lanExceptionAllowed());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
  }

  /** The policy in {@code file}; the defaults when there is none. */
  static Policy readPolicy(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Policy.DEFAULT;
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new IOException("the policy " + file + " is not a JSON object");
      }
      Policy d = Policy.DEFAULT;
      String group = n.hasNonNull("adminGroup") ? n.get("adminGroup").asText() : d.adminGroup();
      return new Policy(group, bool(n, "userProfilesAllowed", d.userProfilesAllowed(), file),
          n.hasNonNull("killSwitch")
              ? Policy.KillSwitchRule.valueOf(n.get("killSwitch").asText()) : d.killSwitch(),
          bool(n, "lanExceptionAllowed", d.lanExceptionAllowed(), file));
    } catch (JsonProcessingException e) {
      throw new IOException("the policy " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("the policy " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  private static boolean bool(JsonNode n, String field, boolean dflt, Path file)
      throws IOException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new IOException("the policy " + file + ": " + field + " must be true or false");
    }
    return v.booleanValue();
  }
}

package org.certhub.signer.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing keys in a PKCS#12 keystore file. Each entry's alias says its purpose and creation time
 * ({@code w3c_vc.1732550400000}, {@code eu_dcc.…}, {@code shc.…}; the EU DCC CSCA as {@code csca.…}); the newest
 * key of a purpose is the active one and older ones stay listed, retired, so that what they signed keeps
 * verifying. Keeping this state in the aliases makes every change one atomic file replacement.
 */
public final class KeyStoreSigningKeyProvider implements SigningKeyProvider {

    /** The keystore file and its password (from the environment or a secret store, never committed). */
    public record Settings(Path path, char[] password) {
        public Settings {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(password, "password");
            password = password.clone();
        }

        @Override
        public String toString() {
            return "Settings[path=" + path + "]";
        }
    }

    /** File names inside the development keys folder. */
    public static final String DEV_KEYSTORE_FILE = "certhub-keys.p12";

    public static final String DEV_PASSWORD_FILE = "keystore.password";

    private static final Logger LOG = LoggerFactory.getLogger(KeyStoreSigningKeyProvider.class);
    private static final Pattern ALIAS = Pattern.compile("(w3c_vc|eu_dcc|shc|csca)\\.(\\d{1,19})");
    private static final String CSCA = "csca";
    private static final Duration CSCA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SIGNER_VALIDITY = Duration.ofDays(730);
    private static final String DEV_ORGANISATION = ",O=" + SigningKey.DEVELOPMENT_ORGANISATION + ",C=XX";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final char[] password;
    private final KeyStore keyStore;
    private volatile Map<KeyPurpose, List<SigningKey>> keys;

    private KeyStoreSigningKeyProvider(Path path, char[] password, KeyStore keyStore) {
        this.path = path;
        this.password = password.clone();
        this.keyStore = keyStore;
        this.keys = readKeys();
    }

    /** Opens an existing keystore; fails if it is missing, unreadable or the password is wrong. */
    public static KeyStoreSigningKeyProvider open(Settings settings) {
        if (!Files.isRegularFile(settings.path())) {
            throw new IllegalStateException("no keystore at " + settings.path());
        }
        return new KeyStoreSigningKeyProvider(
                settings.path(), settings.password(), load(settings.path(), settings.password()));
    }

    /**
     * The development bootstrap: opens {@code keysDir/certhub-keys.p12}, creating it on first start with an
     * Ed25519 key (W3C VC), a P-256 key (SHC), and a development CSCA with a P-256 document signer (EU DCC);
     * a purpose missing from an existing keystore gets its first key too. With no password given, a random
     * one is generated once and kept in {@code keysDir/keystore.password}, readable by the owner only.
     */
    public static KeyStoreSigningKeyProvider openOrCreate(Path keysDir, char[] passwordOrNull) {
        try {
            createOwnerOnlyDirectory(keysDir);
            char[] password =
                    passwordOrNull != null ? passwordOrNull.clone() : devPassword(keysDir.resolve(DEV_PASSWORD_FILE));
            Path file = keysDir.resolve(DEV_KEYSTORE_FILE);
            KeyStore keyStore;
            if (Files.isRegularFile(file)) {
                keyStore = load(file, password);
            } else {
                keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, password);
                LOG.info("Creating development signing keys in {}", file);
            }
            KeyStoreSigningKeyProvider provider = new KeyStoreSigningKeyProvider(file, password, keyStore);
            provider.addMissingPurposes();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the keys folder " + keysDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a PKCS#12 keystore", e);
        }
    }

    @Override
    public SigningKey activeKey(KeyPurpose purpose) {
        List<SigningKey> ofPurpose = keys.get(purpose);
        if (ofPurpose.isEmpty()) {
            throw new IllegalStateException("the keystore " + path + " holds no " + purpose + " key");
        }
        return ofPurpose.get(0);
    }

    @Override
    public List<SigningKey> keys(KeyPurpose purpose) {
        return keys.get(purpose);
    }

    /**
     * Generates a new key for the purpose and makes it the active one; the previous keys stay, retired.
     * The keystore file is replaced atomically, so a crash leaves either the old or the new file.
     * A new EU DCC document signer is issued by the newest CSCA in the keystore.
     */
    public synchronized SigningKey rotate(KeyPurpose purpose) {
        Instant createdAt = nextCreationTime();
        KeyPair keyPair = KeyMaterial.generate(purpose);
        String alias = alias(purpose.name(), createdAt);
        List<X509Certificate> chain = new ArrayList<>();
        if (purpose == KeyPurpose.EU_DCC) {
            Map.Entry<PrivateKey, X509Certificate> csca = newestCsca()
                    .orElseThrow(() -> new IllegalStateException("the keystore " + path
                            + " has no CSCA (alias csca.<millis>) to issue a new EU DCC document signer"));
            chain.add(KeyMaterial.documentSigner(
                    keyPair.getPublic(),
                    "CN=certhub document signer " + createdAt.toEpochMilli() + DEV_ORGANISATION,
                    csca.getValue(),
                    csca.getKey(),
                    createdAt,
                    SIGNER_VALIDITY));
            chain.add(csca.getValue());
        } else {
            chain.add(KeyMaterial.selfSigned(
                    keyPair,
                    "CN=certhub " + purpose.name().toLowerCase(Locale.ROOT) + " " + createdAt.toEpochMilli()
                            + DEV_ORGANISATION,
                    createdAt,
                    SIGNER_VALIDITY.multipliedBy(5),
                    false));
        }
        setEntry(alias, keyPair.getPrivate(), chain);
        save();
        keys = readKeys();
        SigningKey active = activeKey(purpose);
        LOG.info("Rotated the {} signing key; the active key id is now {}", purpose, active.kid());
        return active;
    }

    private void addMissingPurposes() {
        boolean changed = false;
        if (keys.get(KeyPurpose.EU_DCC).isEmpty() && newestCsca().isEmpty()) {
            Instant createdAt = nextCreationTime();
            KeyPair csca = KeyMaterial.p256();
            X509Certificate certificate = KeyMaterial.selfSigned(
                    csca, "CN=certhub development CSCA" + DEV_ORGANISATION, createdAt, CSCA_VALIDITY, true);
            setEntry(alias(CSCA, createdAt), csca.getPrivate(), List.of(certificate));
            changed = true;
        }
        if (changed) {
            save();
        }
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (keys.get(purpose).isEmpty()) {
                rotate(purpose);
            }
        }
    }

    private Map<KeyPurpose, List<SigningKey>> readKeys() {
        Map<KeyPurpose, List<SigningKey>> byPurpose = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            byPurpose.put(purpose, new ArrayList<>());
        }
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Matcher matcher = ALIAS.matcher(alias.toLowerCase(Locale.ROOT));
                if (!matcher.matches() || matcher.group(1).equals(CSCA) || !keyStore.isKeyEntry(alias)) {
                    continue;
                }
                KeyPurpose purpose = KeyPurpose.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
                Instant createdAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(2)));
                PrivateKey privateKey = KeyMaterial.toBc((PrivateKey) keyStore.getKey(alias, password));
                List<X509Certificate> chain = chain(alias);
                PublicKey publicKey = KeyMaterial.toBc(chain.get(0).getPublicKey());
                byPurpose
                        .get(purpose)
                        .add(new SigningKey(
                                KeyIds.of(purpose, publicKey, chain),
                                purpose,
                                privateKey,
                                publicKey,
                                chain,
                                Bc.PROVIDER,
                                createdAt,
                                false));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keys of " + path, e);
        }
        Map<KeyPurpose, List<SigningKey>> result = new EnumMap<>(KeyPurpose.class);
        byPurpose.forEach((purpose, list) -> {
            list.sort(Comparator.comparing(SigningKey::createdAt).reversed());
            List<SigningKey> marked = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                SigningKey k = list.get(i);
                marked.add(new SigningKey(
                        k.kid(),
                        k.purpose(),
                        k.privateKey(),
                        k.publicKey(),
                        k.certificateChain(),
                        k.provider(),
                        k.createdAt(),
                        i == 0));
            }
            result.put(purpose, List.copyOf(marked));
        });
        return result;
    }

    private Optional<Map.Entry<PrivateKey, X509Certificate>> newestCsca() {
        try {
            String newest = null;
            long newestMillis = Long.MIN_VALUE;
            for (String alias : Collections.list(keyStore.aliases())) {
                Matcher matcher = ALIAS.matcher(alias.toLowerCase(Locale.ROOT));
                if (matcher.matches()
                        && matcher.group(1).equals(CSCA)
                        && Long.parseLong(matcher.group(2)) > newestMillis) {
                    newest = alias;
                    newestMillis = Long.parseLong(matcher.group(2));
                }
            }
            if (newest == null) {
                return Optional.empty();
            }
            PrivateKey key = KeyMaterial.toBc((PrivateKey) keyStore.getKey(newest, password));
            return Optional.of(Map.entry(key, chain(newest).get(0)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CSCA of " + path, e);
        }
    }

    private List<X509Certificate> chain(String alias) throws GeneralSecurityException {
        Certificate[] certificates = keyStore.getCertificateChain(alias);
        if (certificates == null || certificates.length == 0) {
            throw new IllegalStateException("the keystore entry " + alias + " has no certificate");
        }
        return Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
    }

    private Instant nextCreationTime() {
        long latest = keys.values().stream()
                .flatMap(List::stream)
                .mapToLong(k -> k.createdAt().toEpochMilli())
                .max()
                .orElse(0);
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Matcher matcher = ALIAS.matcher(alias.toLowerCase(Locale.ROOT));
                if (matcher.matches()) {
                    latest = Math.max(latest, Long.parseLong(matcher.group(2)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot list the keystore " + path, e);
        }
        return Instant.ofEpochMilli(Math.max(System.currentTimeMillis(), latest + 1));
    }

    private static String alias(String kind, Instant createdAt) {
        return kind.toLowerCase(Locale.ROOT) + "." + createdAt.toEpochMilli();
    }

    private void setEntry(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            keyStore.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add the key " + alias + " to " + path, e);
        }
    }

    private void save() {
        Path temp = null;
        try {
            temp = Files.createTempFile(
                    path.toAbsolutePath().getParent(),
                    ".certhub-keys",
                    ".tmp",
                    ownerOnly(path.getFileSystem().supportedFileAttributeViews().contains("posix")));
            try (OutputStream out = Files.newOutputStream(temp)) {
                keyStore.store(out, password);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the keystore " + path, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Cannot remove the temporary keystore file {}", temp);
                }
            }
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            return keyStore;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot open the keystore " + file + " (wrong password or damaged file)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the keystore " + file, e);
        }
    }

    private static char[] devPassword(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Files.createFile(file, ownerOnly(posix));
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        LOG.info("Generated a keystore password in {} (owner-only file)", file);
        return password.toCharArray();
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (posix) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }
}

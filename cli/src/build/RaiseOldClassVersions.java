import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the classes of hm.jar compiled for Java 5 or older (class file version below 50: picocli) as Java 8
 * classes (version 52) with stack map frames, the same code otherwise. The JVM keeps no class older than version 50
 * in a CDS archive or an AOT cache ("Skipping picocli/CommandLine: Old class has been linked"), so without this every
 * start of hm would read and verify picocli's 175 classes from the jar again: about 45 ms of a 140 ms start with the
 * bundle's AOT cache (measured on JDK 25). Each rewritten class is checked with the class-file verifier.
 *
 * <p>Run by cli/src/build/hm-bundle.sh with the build's JDK, 24 or newer (the java.lang.classfile API), as a
 * source-file program: {@code java RaiseOldClassVersions.java target/hm.jar}.
 */
public class RaiseOldClassVersions {

    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        var jar = Path.of(args[0]);
        var rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        int raised = 0;
        try (var classes = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null);
                var in = new ZipInputStream(Files.newInputStream(jar));
                var out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            var classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            ClassTransform toJava8 = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(JAVA_8, 0);
                } else {
                    builder.with(element);
                }
            };
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                var bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < 50) {
                    // Re-emitting every method body is what makes the API compute the stack map frames.
                    bytes = classFile.transformClass(classFile.parse(bytes),
                            toJava8.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
                    var errors = classFile.verify(bytes);
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException(entry.getName() + " does not verify after the rewrite: "
                                + errors.getFirst().getMessage());
                    }
                    raised++;
                }
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        // None when the jar was shaded from an hm.jar rewritten before (the jar plugin keeps an up-to-date jar).
        System.err.println("hm-bundle: " + raised + " classes older than Java 6 in " + jar.getFileName()
                + " rewritten as Java 8 classes" + (raised == 0 ? " (none left)" : ""));
    }

    private static int majorVersion(byte[] classBytes) {
        return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }
}

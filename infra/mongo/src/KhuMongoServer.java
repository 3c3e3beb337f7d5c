import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A MongoDB-wire server for machines without mongod.
 * Usage: --host 127.0.0.1 --port 27017 --backend memory|h2 [--file data.mv]
 */
public final class KhuMongoServer {

    /**
     * Out of the box H2Backend acknowledges a write before MVStore has stored it (it commits in the background),
     * so a killed server loses acknowledged writes. This backend stores and fsyncs before the reply is sent.
     */
    static final class DurableH2Backend extends H2Backend {

        private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "deleteindexes",
            "drop", "dropdatabase", "create", "renamecollection", "collmod", "converttocapped",
            "clonecollectionascapped");

        DurableH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // The unsaved-changes check also covers writes hidden in other commands (aggregate with $out/$merge).
                if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT)) || getMvStore().hasUnsavedChanges()) {
                    commit();
                    getMvStore().sync();
                }
            }
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        // Every pooled client connection opening and closing is logged at INFO: noise, not information.
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "warn");

        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "27017"));
        String backendName = options.getOrDefault("backend", "memory");

        MongoBackend backend;
        if (backendName.equals("memory")) {
            backend = new MemoryBackend();
        } else if (backendName.equals("h2")) {
            String file = options.get("file");
            if (file == null) {
                throw new IllegalArgumentException("--backend h2 needs --file <path>");
            }
            backend = new DurableH2Backend(file);
        } else {
            throw new IllegalArgumentException("unknown --backend " + backendName + " (memory|h2)");
        }

        MongoServer server = new MongoServer(backend);
        // shutdownNow closes the clients, then the backend, which stores and closes the H2 file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            System.out.println("khu-mongo stopped");
        }, "khu-mongo-shutdown"));
        server.bind(host, port);
        System.out.println("khu-mongo ready on " + host + ":" + port + " (backend " + backendName + ")");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}

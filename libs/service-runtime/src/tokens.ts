/** Injection tokens of what the runtime provides to a service's modules. */
export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const MONGO_CLIENT = Symbol('MongoClient');
export const DATABASE = Symbol('Database');
export const KAFKA = Symbol('Kafka');
export const TOPICS = Symbol('TopicNames');
export const ROOT_LOGGER = Symbol('RootLogger');
/** Sign-in verification, agency clients and the protection of personal data (`@khu-siao/security`). */
export const SECURITY = Symbol('SecurityServices');

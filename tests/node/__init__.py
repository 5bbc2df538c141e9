"""Node tools the schema tests run: ajv and yaml-language-server, pinned by package.json and
package-lock.json here, installed by tools.py into a cache outside the checkout."""

/**
 * 界面外壳: layout and navigation, language switch, home page, friendly error pages and the API's problem+json
 * error handling. Depends on the modules whose counts the home page shows; nothing depends on it.
 */
package io.zhenwu.web;

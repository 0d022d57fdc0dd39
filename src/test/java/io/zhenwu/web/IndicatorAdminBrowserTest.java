package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator adds a computed indicator in real Chromium: a bad formula is shown inline, fixed, saved, listed. */
@ZhenwuTest
class IndicatorAdminBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anAdministratorFixesABadFormulaAndSeesTheIndicatorInTheCatalogue() {
        driver = BrowserTestSupport.startChromium("indicator-admin");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));

        driver.get(url("/admin/indicators"));
        assertThat(driver.findElement(By.id("indicator-catalogue")).getText()).contains("地区生产总值");
        driver.findElement(By.id("indicator-new")).click();
        String code = "revenue_share_" + (System.nanoTime() % 100000);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-form")));
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("nameZh")).sendKeys("财政收入占GDP比重");
        driver.findElement(By.id("unit")).sendKeys("%");
        new Select(driver.findElement(By.id("valueType"))).selectByValue("RATE");
        new Select(driver.findElement(By.id("orgAggregation"))).selectByValue("NONE");
        new Select(driver.findElement(By.id("periodAggregation"))).selectByValue("LAST");
        new Select(driver.findElement(By.id("periodType"))).selectByValue("YEAR");
        new Select(driver.findElement(By.id("source"))).selectByValue("COMPUTED");
        WebElement decimals = driver.findElement(By.id("decimals"));
        decimals.clear();
        decimals.sendKeys("1");
        driver.findElement(By.id("formula")).sendKeys("budget_revenue / (gdp * 100");
        driver.findElement(By.id("indicator-save")).click();

        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("formula-error")));
        assertThat(error.getText()).contains("第 18 列", "括号没有闭合");
        assertThat(driver.findElement(By.id("formula-caret")).getText()).endsWith("^");
        assertThat(driver.findElement(By.id("code")).getAttribute("value")).as("what was typed is kept").isEqualTo(code);
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("1");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
        BrowserTestSupport.screenshot(driver, "indicators-admin-01-formula-error.png");

        WebElement formula = driver.findElement(By.id("formula"));
        formula.clear();
        formula.sendKeys("budget_revenue / gdp * 100");
        driver.findElement(By.id("indicator-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-" + code)));
        assertThat(driver.findElement(By.cssSelector(".flash.success")).getText()).contains("已新增指标");
        assertThat(driver.findElement(By.id("indicator-" + code)).getText()).contains("财政收入占GDP比重", "budget_revenue / gdp * 100",
                "系统计算");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.id("indicator-" + code)));
        BrowserTestSupport.screenshot(driver, "indicators-admin-02-catalogue.png");
    }
}

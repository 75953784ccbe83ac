import EnvtopCore
import EnvtopUI

extension DashboardOptions {
    /// What the command line says, in the config's shape, so one merge applies the precedence
    /// (command line > config file > defaults). Options not given stay nil.
    var commandLineConfig: EnvtopConfig {
        EnvtopConfig(
            environment: nil, baseURL: baseURL, workspace: workspace, refresh: refresh,
            readOnly: readOnly, theme: theme, logFile: logFile)
    }
}

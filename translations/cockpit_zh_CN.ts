<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Activity</name>
    <message>
        <location filename="../models/domain/pipelinevalidation.cpp" line="+58"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document opened</source>
        <translation>文档已打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery task</source>
        <translation>交付任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review note</source>
        <translation>复盘记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Sales action</source>
        <translation>销售动作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer response</source>
        <translation>客户回应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cross-department</source>
        <translation>跨部门协作</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pre-sales task</source>
        <translation>售前任务</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../ui/widgethelpers.cpp" line="+83"/>
        <source>Right-click to choose the columns shown</source>
        <translation>右键单击表头可选择显示的列</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <location filename="../models/domain/pipeline.cpp" line="+137"/>
        <source>Micro</source>
        <translation>微型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Small</source>
        <translation>小型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medium</source>
        <translation>中型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Large</source>
        <translation>大型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>集团型</translation>
    </message>
</context>
<context>
    <name>DataTable</name>
    <message>
        <location filename="../models/analytics/datatable.cpp" line="+167"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../models/domain/pipeline.cpp" line="-50"/>
        <source>Customer pain keywords</source>
        <translation>客户痛点关键词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget band</source>
        <translation>预算区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision-chain role</source>
        <translation>决策链角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requirement list or meeting minutes</source>
        <translation>需求清单或会议纪要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least one demo</source>
        <translation>至少一次演示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed requirement-confirmation form</source>
        <translation>已签需求确认书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown requirement &quot;%1&quot;</source>
        <translation>未知要求“%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Decision maker</source>
        <translation>决策人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final approver</source>
        <translation>最终审批人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procurement</source>
        <translation>采购</translation>
    </message>
</context>
<context>
    <name>Lead</name>
    <message>
        <location line="+22"/>
        <source>Open</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>MoveStageCommand</name>
    <message>
        <location filename="../models/storage/leadrepository.cpp" line="+264"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>ReassignLeadsCommand</name>
    <message numerus="yes">
        <location filename="../models/items/reassigncommand.cpp" line="+39"/>
        <source>Reassign %n lead(s)</source>
        <translation>
            <numerusform>重新分配 %n 条线索</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamHealth</name>
    <message>
        <location filename="../models/analytics/teamhealth.cpp" line="+30"/>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service response</source>
        <translation>服务响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract fulfilment</source>
        <translation>合同履约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal intent</source>
        <translation>续约意向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment punctuality</source>
        <translation>回款及时性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product adoption</source>
        <translation>产品使用度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction recency</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Process compliance</source>
        <translation>过程达标率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer health</source>
        <translation>客户健康分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-sell</source>
        <translation>交叉销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collaboration</source>
        <translation>协作评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEI</source>
        <translation>PEI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../models/items/timeline.cpp" line="+28"/>
        <source>Created in %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved %1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>cockpit</name>
    <message>
        <location filename="../models/domain/pipelinevalidation.cpp" line="-42"/>
        <source>Stage %1</source>
        <translation>第 %1 阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage %1 “%2”</source>
        <translation>第 %1 阶段“%2”</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The pipeline needs a name.</source>
        <translation>销售流程必须有名称。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another pipeline is already called “%1”.</source>
        <translation>已有另一个名为“%1”的销售流程。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Response and hand-over targets cannot be negative.</source>
        <translation>响应和交接目标不能为负数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pipeline has no stages. Add at least one working stage and the closing stage.</source>
        <translation>该销售流程没有阶段。请至少添加一个推进阶段和成交阶段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pipeline needs at least two stages: a working stage and the closing stage.</source>
        <translation>销售流程至少需要两个阶段：一个推进阶段和成交阶段。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 has no name.</source>
        <translation>%1 没有名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has the same name as stage %2.</source>
        <translation>%1 与第 %2 阶段同名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has the same English name “%2” as stage %3.</source>
        <translation>%1 的英文名称“%2”与第 %3 阶段相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has an invalid code “%2” (use a-z, 0-9 and _).</source>
        <translation>%1 的代码“%2”无效（只能使用 a-z、0-9 和 _）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has the same code “%2” as stage %3.</source>
        <translation>%1 的代码“%2”与第 %3 阶段相同。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs an SLA of more than 0 (only the closing stage may have none).</source>
        <translation>%1 的 SLA 必须大于 0（只有成交阶段可以不设 SLA）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has an SLA longer than 365 days.</source>
        <translation>%1 的 SLA 超过 365 天。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 requires an unknown gate field “%2”.</source>
        <translation>%1 要求了未知的门槛字段“%2”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lists the gate field “%2” twice.</source>
        <translation>%1 重复列出了门槛字段“%2”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 lists an unknown standard action “%2”.</source>
        <translation>%1 列出了未知的标准动作“%2”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a closing stage but not the last one; only the last stage may close the deal.</source>
        <translation>%1 是成交阶段，但不是最后一个阶段；只有最后一个阶段可以成交。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is the closing stage; nothing leaves it, so it cannot have an exit gate.</source>
        <translation>%1 是成交阶段，线索不会离开该阶段，因此不能设置退出门槛。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is the last stage and must be the closing stage.</source>
        <translation>%1 是最后一个阶段，必须设为成交阶段。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>no SLA</source>
        <translation>无 SLA</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>cockpit::AlertActions</name>
    <message>
        <location filename="../models/items/alertactions.cpp" line="+71"/>
        <source>Acknowledge alert</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resolve alert</source>
        <translation>解决预警</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Escalate alert</source>
        <translation>升级预警</translation>
    </message>
</context>
<context>
    <name>cockpit::BulkMove</name>
    <message>
        <location filename="../models/items/bulkmove.cpp" line="+66"/>
        <source>The lead no longer exists.</source>
        <translation>该线索已不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It is already in the last stage.</source>
        <translation>已处于最后一个阶段。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Move %n lead(s) to the next stage</source>
        <translation>
            <numerusform>将 %n 条线索推进到下一阶段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n moved</source>
        <translation>
            <numerusform>已推进 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n refused</source>
        <translation>
            <numerusform>，%n 条被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 lacks %2</source>
        <translation>%1 缺少 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::Catalog</name>
    <message>
        <location filename="../models/items/catalog.cpp" line="+139"/>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
</context>
<context>
    <name>cockpit::ConflictStore</name>
    <message>
        <location filename="../models/items/conflictstore.cpp" line="+74"/>
        <source>The conflict holds no values of yours to keep.</source>
        <translation>此冲突中没有你的值可以保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my values for %1</source>
        <translation>为“%1”保留我的值</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Keep the server&apos;s values for %1</source>
        <translation>为“%1”保留服务器的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the values for %1</source>
        <translation>合并“%1”的值</translation>
    </message>
</context>
<context>
    <name>cockpit::ConflictText</name>
    <message>
        <location filename="../models/items/conflictlistmodel.cpp" line="+64"/>
        <location filename="../models/items/conflicttext.cpp" line="+116"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/items/conflicttext.cpp" line="+38"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields in conflict</source>
        <translation>冲突字段</translation>
    </message>
    <message>
        <location filename="../models/items/conflicttext.cpp" line="-129"/>
        <location line="+54"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+47"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage move</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+48"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+50"/>
        <location line="+196"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Pipeline stage</source>
        <translation>销售流程阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service ticket</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product trial</source>
        <translation>产品试用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collaboration rating</source>
        <translation>协作评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast revision</source>
        <translation>预测修订</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Store day</source>
        <translation>门店日数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other names</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core need</source>
        <translation>核心需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close cycle (days)</source>
        <translation>预计成交周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer since</source>
        <translation>成为客户日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual revenue</source>
        <translation>年营收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Established</source>
        <translation>成立年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent company</source>
        <translation>母公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Decision-chain role</source>
        <translation>决策链角色</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Seniority</source>
        <translation>职级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From stage</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stage since</source>
        <translation>进入阶段时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast category</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter of intent stamped</source>
        <translation>意向书已盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intended budget</source>
        <translation>意向预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intent contact</source>
        <translation>意向联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next meeting</source>
        <translation>下次会面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer pain keywords</source>
        <translation>客户痛点关键词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget band</source>
        <translation>预算区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requirement list or meeting minutes</source>
        <translation>需求清单或会议纪要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requirement confirmation signed</source>
        <translation>需求确认单已签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor present</source>
        <translation>有竞争对手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical validation</source>
        <translation>技术验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>分配时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External correction</source>
        <translation>外部修正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction reason</source>
        <translation>修正原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Both changed</source>
        <translation>双方都改了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted on the server</source>
        <translation>已在服务器上删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You and someone else changed the same fields while you were offline. The file shows the server&apos;s values now; choose per field which to keep.</source>
        <translation>你离线期间，你和其他人修改了相同的字段。文件中现在是服务器的值；请逐个字段选择保留哪一个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone deleted this record on the server while you were changing it. The deletion is applied here; your changes are kept below.</source>
        <translation>你修改此记录时，有人在服务器上删除了它。删除已在本地生效；你的修改保留在下方。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused your change and gave no reason.</source>
        <translation>服务器拒绝了你的修改，未说明原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused your change: %1</source>
        <translation>服务器拒绝了你的修改：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write your values back and send them to the server.</source>
        <translation>写回你的值并发送到服务器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-create the record with your values and send it to the server again.</source>
        <translation>用你的值重新创建该记录，并再次发送到服务器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send your change again (for example after an administrator has granted you the rights).</source>
        <translation>再次发送你的修改（例如在管理员授予你权限之后）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep the server&apos;s values; your values are dropped.</source>
        <translation>保留服务器的值；你的值将被放弃。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the deletion; your changes are dropped.</source>
        <translation>接受删除；你的修改将被放弃。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your change; the record stays as the server has it.</source>
        <translation>放弃你的修改；记录保持服务器上的样子。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (no longer in this file)</source>
        <translation>%1（已不在此文件中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 not in this file</source>
        <translation>%1 不在此文件中</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>cockpit::CustomerTableModel</name>
    <message>
        <location filename="../models/items/customertablemodel.cpp" line="+147"/>
        <source>Not on the team server: it refused this new customer. Send it again or discard it in View › Conflicts.</source>
        <translation>不在团队服务器上：服务器拒绝了这个新客户。可在 视图 › 冲突 中再次发送或放弃。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Computing the scores…</source>
        <translation>正在计算评分…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data for this score as of %1</source>
        <translation>截至 %1 无此评分的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of %1; the customer&apos;s detail panel (Scores) shows how it is made up</source>
        <translation>截至 %1；客户详情面板（评分）显示其构成</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Value score 0–100 = 40 % purchases of the last 3 months + 30 % satisfaction (mean NPS of 12 months × 10) + 30 % new-product trials of 12 months; purchases and trials as percentile ranks over all customers. Without surveys the other two weights renormalise.</source>
        <translation>价值分 0–100 = 40 % 近 3 个月采购额 + 30 % 满意度（12 个月 NPS 均值 × 10）+ 30 % 12 个月新品试用；采购额与试用按全部客户的百分位排名计。无调研时，另两项权重重新归一。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Health score 0–100: the 8 dimensions of customer health (DESIGN §5), equal weights; a dimension without data is left out and the others renormalise. Empty: no data at all.</source>
        <translation>健康分 0–100：客户健康度的 8 个维度（DESIGN §5），等权；无数据的维度不计，其余权重重新归一。空白：完全无数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open leads</source>
        <translation>进行中的线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>健康</translation>
    </message>
</context>
<context>
    <name>cockpit::EditController</name>
    <message>
        <location filename="../models/items/editcontroller.cpp" line="+42"/>
        <location line="+61"/>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The lead no longer exists.</source>
        <translation>该线索已不存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move stage</source>
        <translation>推进阶段</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Edit and move stage</source>
        <translation>编辑并推进阶段</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New customer %1</source>
        <translation>新建客户 %1</translation>
    </message>
</context>
<context>
    <name>cockpit::ImportCommand</name>
    <message>
        <location filename="../models/items/importcommand.cpp" line="+41"/>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redoing the import…</source>
        <translation>正在重做导入…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the database refused the change</source>
        <translation>数据库拒绝了此更改</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not redo the import: %1</source>
        <translation>无法重做导入：%1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Could not undo the import: %1</source>
        <translation>无法撤销导入：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::LeadTableModel</name>
    <message>
        <location filename="../models/items/leadtablemodel.cpp" line="+114"/>
        <source>Not on the team server: it refused this new lead. Send it again or discard it in View › Conflicts.</source>
        <translation>不在团队服务器上：服务器拒绝了这条新线索。可在 视图 › 冲突 中再次发送或放弃。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Over the stage&apos;s time limit (SLA %1 h)</source>
        <translation>已超出本阶段时限（SLA %1 小时）</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days in stage</source>
        <translation>阶段停留天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>cockpit::alerts</name>
    <message>
        <location filename="../models/alerts/alertstore.cpp" line="+266"/>
        <source>The alert no longer exists.</source>
        <translation>该预警已不存在。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+20"/>
        <location line="+15"/>
        <source>This alert is already resolved.</source>
        <translation>该预警已解决。</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>This alert was already acknowledged by %1 at %2.</source>
        <translation>该预警已由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This alert is already with the top of the manager chain; there is nobody to escalate to.</source>
        <translation>该预警已到达管理链的最高层，无法再向上升级。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The alert was changed meanwhile (by someone else or by the rule evaluation); it was left as it is.</source>
        <translation>该预警在此期间已被更改（由他人或规则评估），因此保持原样。</translation>
    </message>
    <message>
        <location filename="../models/alerts/alerttext.cpp" line="+32"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stage SLA</source>
        <translation>阶段 SLA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silence</source>
        <translation>长期无动态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-over SLA</source>
        <translation>交接 SLA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate touch</source>
        <translation>重复跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compliance: stage changes</source>
        <translation>合规：阶段变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compliance: quotes</source>
        <translation>合规：报价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store below red line</source>
        <translation>门店低于红线</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>in %1 longer than %2</source>
        <translation>在“%1”停留超过 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no activity since %1</source>
        <translation>自 %1 起无任何活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no sales follow-up %1 after hand-over on %2</source>
        <translation>%2 交接后 %1 内销售未跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>touched by %1 reps within %2 days</source>
        <translation>%2 天内有 %1 名销售跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 stage changes on &quot;%2&quot; on %3</source>
        <translation>%3 对“%2”变更阶段 %1 次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 quotes to %2 between %3 and %4</source>
        <translation>%3 至 %4 期间向 %2 报价 %1 次</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Raised: %1</source>
        <translation>触发时间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addressed to: %1</source>
        <translation>接收人：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody (no active manager)</source>
        <translation>无（没有在职的主管）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied: %1</source>
        <translation>抄送：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %1 since %2 (SLA %3)</source>
        <translation>自 %2 起处于“%1”（SLA %3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lead&apos;s owner %1 left on %2; the alert goes to the manager instead.</source>
        <translation>线索负责人 %1 已于 %2 离职，预警改为发送给其主管。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The customer has not responded on this lead yet.</source>
        <translation>客户尚未就此线索做出回应。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The customer&apos;s last %n response(s):</source>
        <translation>
            <numerusform>客户最近 %n 次回应：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1  “%2”</source>
        <translation>  %1  “%2”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reps who touched the customer:</source>
        <translation>跟进过该客户的销售：</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>  %1 — %n touch(es)</source>
        <translation>
            <numerusform>  %1 — 跟进 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rep: %1</source>
        <translation>销售：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalated (level %1) to %2 at %3%4</source>
        <translation>已于 %3 升级至 %2（第 %1 级）%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (no acknowledgement within the window)</source>
        <translation> （时限内无人确认）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> by %1</source>
        <translation> 由 %1 操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledged by %1 at %2</source>
        <translation>%1 已于 %2 确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved by %1 at %2</source>
        <translation>%1 已于 %2 解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system (the condition cleared)</source>
        <translation>系统（触发条件已消除）</translation>
    </message>
    <message>
        <location filename="../models/alerts/alertthresholds.cpp" line="+48"/>
        <source>Setting %1 = &quot;%2&quot; is not a whole number from %3 to %4; the default %5 applies.</source>
        <translation>设置项 %1 =“%2”不是 %3 到 %4 之间的整数；将使用默认值 %5。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 must be from %2 to %3, not %4.</source>
        <translation>%1 必须在 %2 到 %3 之间，而不是 %4。</translation>
    </message>
    <message>
        <location filename="../models/alerts/alertfold.cpp" line="+77"/>
        <source>Priority from points for what is at stake:
• deal: amount × win probability ≥ 500 000 → 3, ≥ 100 000 → 2, ≥ 20 000 → 1 (a rep&apos;s compliance flag or a store below its red line 2, a customer touched by too many reps 1)
• escalation: 1 per level, at most 2
• age: the problem has lasted ≥ 3 days → 1, ≥ 7 days → 2
• several reasons on one subject → 1
P1 at 5 points or more, P2 at 3–4, P3 below.</source>
        <translation>优先级按涉及的利害计分：
• 商机：金额 × 赢单概率 ≥ 500 000 → 3 分，≥ 100 000 → 2 分，≥ 20 000 → 1 分（销售的合规标记或低于红线的门店 2 分，被过多销售接触的客户 1 分）
• 升级：每升一级 1 分，最多 2 分
• 时长：问题已持续 ≥ 3 天 → 1 分，≥ 7 天 → 2 分
• 同一对象有多个原因 → 1 分
5 分及以上为 P1，3–4 分为 P2，其余为 P3。</translation>
    </message>
</context>
<context>
    <name>cockpit::alerts::AlertTableModel</name>
    <message>
        <location filename="../models/alerts/alerttablemodel.cpp" line="+210"/>
        <source>%1 (level %2)</source>
        <translation>%1（第 %2 级）</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>%1: %2 points (deal %3 + escalation %4 + age %5 + reasons %6)</source>
        <translation>%1：%2 分（金额 %3 + 升级 %4 + 时长 %5 + 原因 %6）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Amount %1 × win probability %2 % = %3</source>
        <translation>金额 %1 × 赢单概率 %2% = %3</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At stake</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>推送</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics</name>
    <message>
        <location filename="../models/analytics/alertsfeed.cpp" line="+25"/>
        <source>Open alerts</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/analytics/funnel.cpp" line="+288"/>
        <location filename="../models/analytics/kpi.cpp" line="+494"/>
        <location line="+23"/>
        <location line="+19"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="+194"/>
        <location line="+64"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/funnel.cpp" line="+0"/>
        <location filename="../models/analytics/kpi.cpp" line="-42"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="+16"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule key</source>
        <translation>规则代码</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../models/analytics/funnel.cpp" line="-80"/>
        <source>Pipeline &quot;%1&quot; does not exist or has no stages.</source>
        <translation>销售流程“%1”不存在或没有阶段。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../models/analytics/kpi.cpp" line="+0"/>
        <location line="+42"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/kpi.cpp" line="-42"/>
        <location line="+23"/>
        <location line="+19"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="+52"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entered at (UTC)</source>
        <translation>进入时间 (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+44"/>
        <source>Reached next stage</source>
        <translation>进入下一阶段</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/kpi.cpp" line="-42"/>
        <location line="+42"/>
        <location line="+48"/>
        <location filename="../models/analytics/reporttable.cpp" line="+189"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Still open in this stage</source>
        <translation>仍停留在此阶段</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+1"/>
        <location filename="../models/analytics/kpi.cpp" line="-31"/>
        <location filename="../models/analytics/reporttable.cpp" line="-121"/>
        <location line="+14"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <location filename="../models/analytics/kpi.cpp" line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Funnel: %1, %2</source>
        <translation>漏斗：%1，%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage code</source>
        <translation>阶段代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-80"/>
        <source>Entered</source>
        <translation>进入数</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <location filename="../models/analytics/storecodes.cpp" line="+130"/>
        <location line="+367"/>
        <location line="+40"/>
        <source>Conversion</source>
        <translation>转化</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+19"/>
        <source>Still open in stage</source>
        <translation>仍停留在阶段</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+19"/>
        <source>Maturing</source>
        <translation>观察期</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Stage conversion by %1: %2, %3</source>
        <translation>阶段转化率（按 %1）：%2，%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Org id</source>
        <translation>组织 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Org unit</source>
        <translation>组织单元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From stage</source>
        <translation>起始阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To stage</source>
        <translation>目标阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Converted</source>
        <translation>转化数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Too few</source>
        <translation>样本过少</translation>
    </message>
    <message>
        <location filename="../models/analytics/kpi.cpp" line="-239"/>
        <source>Lead follow-up time</source>
        <translation>线索平均跟进时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap days</source>
        <translation>天（间隔合计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gaps</source>
        <translation>个间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leads</source>
        <translation>条线索</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No lead was open in the period.</source>
        <translation>本周期内没有处于跟进中的线索。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Effective actions / rep / day</source>
        <translation>日均有效动作数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per rep-day</source>
        <translation>次/人天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>effective actions</source>
        <translation>次有效动作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rep-days</source>
        <translation>人天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reps</source>
        <translation>名销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective actions (a call of at least %1 s, a visit, meeting, demo or quote sent, or a WeChat message or email the customer answered within %2 h) by the sales reps in scope, divided by rep-days: for every rep, the Monday–Friday days of the period on which they were employed, up to yesterday.</source>
        <translation>统计范围内销售的有效动作（通话至少 %1 秒、拜访、会议、演示或发送报价，或客户在 %2 小时内回复的微信消息或邮件）除以人天数：每名销售在本周期内处于在职状态的周一至周五天数，截至昨天。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No completed working day of a sales rep in the period.</source>
        <translation>本周期内没有销售已完成的工作日。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New-hire first-month win rate</source>
        <translation>新人首月成单率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>won</source>
        <translation>单赢单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed deals</source>
        <translation>个已结束商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new reps</source>
        <translation>名新人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No deal of a new rep was closed in their first month.</source>
        <translation>没有新人在入职首月内结束商机。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No rep was hired in the 12 months.</source>
        <translation>近 12 个月内没有新入职的销售。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monthly forecast accuracy</source>
        <translation>月度预测准确率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sum of monthly accuracies (%)</source>
        <translation>月度准确率之和 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>For leads open at any time in the period: the mean gap in days between consecutive sales actions. A lead&apos;s window runs from the period start (or its creation, if later) to the period end (or its closing, or now, if earlier); its sales actions inside the window cut it into gaps, the first from the window&apos;s start, the last up to its end. Time before the period never counts. Total gap days of all leads / number of gaps.</source>
        <translation>对周期内任一时刻处于未结状态的线索：相邻两次销售动作之间的平均间隔天数。每条线索的时间窗从周期开始（若线索创建更晚则从创建时起）到周期结束（若关闭或当前时刻更早则到该时刻）；窗内的销售动作把时间窗切成若干间隔，第一个间隔从时间窗开始算起，最后一个间隔算到时间窗结束。周期开始前的时间一律不计。所有线索的间隔天数合计 / 间隔个数。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Won / (won + lost) over the deals closed within 30 days of their rep&apos;s hire date, for reps hired in the 12 months up to the period&apos;s end. Only deals closed by the period&apos;s end (or now) count, so a past period never changes.</source>
        <translation>赢单 /（赢单 + 输单），统计周期结束前 12 个月内入职的销售在入职 30 天内关闭的商机。只计周期结束（或当前时刻）之前关闭的商机，因此已结束的周期不会再变。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Mean over the last 3 complete months of 1 − |actual − forecast| / actual: forecast = the snapshot taken at the month&apos;s start, as it stood then (a later revision never changes it); actual = collections paid in that month, floored at 0. A month off by more than 100 % counts as 0 %.</source>
        <translation>最近 3 个完整月 1 − |实际 − 预测| / 实际 的平均值：预测 = 月初所做的预测快照在当时的数值（之后的修订不会改变它）；实际 = 当月回款，最低为 0。偏差超过 100 % 的月份按 0 % 计。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Months: %1</source>
        <translation>月份：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No month with both a forecast and collections among %1.</source>
        <translation>%1 中没有同时具备预测和回款的月份。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Store receptions / staff / day</source>
        <translation>门店人效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>groups</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sum of receptions per staff</source>
        <translation>人均接待组数之和</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>store-days</source>
        <translation>个门店日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer groups received / staff on duty per store-day, averaged over the store-days of the period.</source>
        <translation>每个门店日的接待组数 / 在岗人数，按本周期内的门店日取平均。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stores belong to regions and cities; pick one of those to see this figure.</source>
        <translation>门店隶属于大区和城市；请选择大区或城市以查看此指标。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No store-day in the period.</source>
        <translation>本周期内没有门店日数据。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lead follow-up gaps</source>
        <translation>线索跟进间隔</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Actions in period</source>
        <translation>周期内动作数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaps</source>
        <translation>间隔数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gap days</source>
        <translation>间隔天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean gap (days)</source>
        <translation>平均间隔（天）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted from</source>
        <translation>起算时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted to</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Effective actions</source>
        <translation>有效动作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-147"/>
        <location line="+147"/>
        <location line="+28"/>
        <location line="+36"/>
        <location line="+41"/>
        <location line="+30"/>
        <location line="+123"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead title</source>
        <translation>线索标题</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>First-month deals of new reps</source>
        <translation>新人首月商机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hired</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed at (UTC)</source>
        <translation>结束时间 (UTC)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monthly forecast vs collections</source>
        <translation>月度预测与回款</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-306"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forecast at month start</source>
        <translation>月初预测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collections</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Store-days</source>
        <translation>门店日</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/analytics/storecodes.cpp" line="-43"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/storecodes.cpp" line="+40"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/storecodes.cpp" line="-40"/>
        <location line="+40"/>
        <source>Staff</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/storecodes.cpp" line="-39"/>
        <location line="+39"/>
        <source>Receptions</source>
        <translation>接待组数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receptions per staff</source>
        <translation>人均接待组数</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../models/analytics/reporttable.cpp" line="+107"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+0"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/outcomes.cpp" line="+105"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+0"/>
        <source>Healthy</source>
        <translation>健康值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+0"/>
        <source>Industry mean</source>
        <translation>行业均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+1"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/reporttable.cpp" line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../models/analytics/storecodes.cpp" line="-409"/>
        <location line="+370"/>
        <location line="+40"/>
        <source>Staff efficiency</source>
        <translation>人效</translation>
    </message>
    <message>
        <location line="-409"/>
        <location line="+370"/>
        <location line="+39"/>
        <source>Product exposure</source>
        <translation>货效</translation>
    </message>
    <message>
        <location line="-408"/>
        <location line="+369"/>
        <location line="+40"/>
        <source>Dwell</source>
        <translation>场效</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Send the invitation script pack (邀约话术包) to the store team; no green store in the same city or region to learn from yet.</source>
        <translation>向门店团队发送邀约话术包；同城市或同大区内暂无可供学习的绿色门店。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the invitation script pack (邀约话术包) to the store team and arrange a visit to %1, a high-performing store nearby.</source>
        <translation>向门店团队发送邀约话术包，并安排到附近的标杆门店 %1 参观学习。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the rectification check-list (整改清单): main product at the entrance and eye level, demo unit switched on, price tags and posters in place; photo back to the region.</source>
        <translation>执行整改清单：主推品摆放在入口处和视线高度，演示机开机，价签和海报到位；拍照回传大区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store-flow suggestions (动线建议): open the experience zone first, add seating and a demo station on the main path, greet within 30 s and offer a trial.</source>
        <translation>动线建议：优先开放体验区，在主动线上增设座椅和演示台，30 秒内迎宾并邀请试用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send the care-message template (关怀短信) with a coupon to every customer who had an experience without a deal within 72 h.</source>
        <translation>向所有体验后 72 小时内未成交的客户发送关怀短信模板及优惠券。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Team %1 has no city, so it has no stores.</source>
        <translation>团队 %1 未关联城市，因此没有门店。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has no city, so no stores.</source>
        <translation>%1 未关联城市，因此没有门店。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stores of %1, the city of team %2 (teams do not own stores).</source>
        <translation>%1（团队 %2 所在城市）的门店（门店不归属团队）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores of %1, the city of %2 (reps do not own stores).</source>
        <translation>%1（%2 所在城市）的门店（门店不归属销售）。</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Store health codes as of %1 (%2)</source>
        <translation>门店健康码，截至 %1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store health codes: no store data in %1</source>
        <translation>门店健康码：%1 无门店数据</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+40"/>
        <source>Store id</source>
        <translation>门店 ID</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-99"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As of</source>
        <translation>判定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Groups per staff</source>
        <translation>人均接待组数</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>Exposure %</source>
        <translation>曝光率 (%)</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>Dwell (min)</source>
        <translation>停留时长（分钟）</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>Experiences</source>
        <translation>体验人数</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>Deals within 72 h</source>
        <translation>72 小时内成交</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>Conversion %</source>
        <translation>转化率 (%)</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>Code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Red days (last 30)</source>
        <translation>红色天数（近 30 天）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nearby high-performing store</source>
        <translation>附近标杆门店</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="+121"/>
        <location line="+54"/>
        <source>Action</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Store days of %1, %2 – %3</source>
        <translation>%1 的门店日数据，%2 – %3</translation>
    </message>
    <message>
        <location filename="../models/analytics/outcomes.cpp" line="-3"/>
        <source>Outcomes by %1, %2</source>
        <translation>成交结果（按%1），%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/analytics/teamhealthtables.cpp" line="-175"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days from engagement to close</source>
        <translation>从接洽到结单的天数中位数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../models/analytics/teamhealthtables.cpp" line="+0"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Team health radar</source>
        <translation>团队健康雷达图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compliance</source>
        <translation>过程达标率</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+191"/>
        <source>Customer health</source>
        <translation>客户健康分</translation>
    </message>
    <message>
        <location line="-191"/>
        <location line="+220"/>
        <source>Cross-sell</source>
        <translation>交叉销售</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Collaboration</source>
        <translation>协作评分</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+51"/>
        <source>PEI</source>
        <translation>PEI</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Response (median min)</source>
        <translation>响应（中位数，分钟）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Composite score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Radar: </source>
        <translation>雷达图： </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Standing</source>
        <translation>排名资格</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Process health</source>
        <translation>过程健康度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light</source>
        <translation>健康灯</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key-action completion</source>
        <translation>关键动作完成率</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+55"/>
        <location line="+27"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+55"/>
        <source>Expected</source>
        <translation>应完成</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+77"/>
        <source>Stage exits</source>
        <translation>阶段退出</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Top missing actions</source>
        <translation>主要缺失动作</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Process execution index (PEI)</source>
        <translation>过程执行指数 (PEI)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tasks done</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required</source>
        <translation>要求数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tasks listed</source>
        <translation>已列任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rep-weeks</source>
        <translation>人周</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Standard-action coverage</source>
        <translation>销售动作标准化覆盖率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reps executed</source>
        <translation>已执行销售数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reps judged</source>
        <translation>参评销售数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active reps</source>
        <translation>在职销售数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>two monthly declines in a row</source>
        <translation>连续两个月下降</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Key actions</source>
        <translation>关键动作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Stage exits with missing actions</source>
        <translation>有缺失动作的阶段退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <location line="+36"/>
        <location line="+41"/>
        <location line="+30"/>
        <source>Lead id</source>
        <translation>线索 ID</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage left</source>
        <translation>离开的阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected actions</source>
        <translation>应完成动作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing actions</source>
        <translation>缺失动作</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Must-do tasks</source>
        <translation>必做任务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned</source>
        <translation>分配时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First sales action</source>
        <translation>首次销售动作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Customer id</source>
        <translation>客户 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health score</source>
        <translation>健康分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First quarter</source>
        <translation>首季度</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Won revenue and cross-sell</source>
        <translation>赢单收入与交叉销售</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ordered</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rep&apos;s main line</source>
        <translation>销售主营产品线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Collaboration ratings</source>
        <translation>协作评分记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rated by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score (1–5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Assignment → first touch</source>
        <translation>分配 → 首次接触</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First touch → needs confirmed</source>
        <translation>首次接触 → 需求确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs confirmed → demo</source>
        <translation>需求确认 → 演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo → objection handled</source>
        <translation>演示 → 异议处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection handled → signed</source>
        <translation>异议处理 → 签约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed → paid</source>
        <translation>签约 → 回款</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Time between the steps of a sale (median hours)</source>
        <translation>销售各步骤间隔时间（中位数，小时）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rep id</source>
        <translation>销售 ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../models/analytics/cockpitfacts.cpp" line="+42"/>
        <source>The cockpit could not read its facts (%1): %2</source>
        <translation>驾驶舱无法读取事实数据（%1）：%2</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The cockpit&apos;s facts need an SQLite database.</source>
        <translation>驾驶舱的事实数据需要 SQLite 数据库。</translation>
    </message>
    <message>
        <location filename="../models/analytics/query.cpp" line="+58"/>
        <source>The figures need an SQLite database.</source>
        <translation>这些数字需要一个 SQLite 数据库。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The figures could not be read (%1): %2</source>
        <translation>无法读取数字（%1）：%2</translation>
    </message>
    <message>
        <location filename="../models/analytics/reporttable.cpp" line="-142"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 %2</source>
        <extracomment>A figure and its unit: &quot;11.6 days&quot;, &quot;5.0 per rep-day&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Calculation</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2 ÷ %3 %4</source>
        <extracomment>The calculation behind a KPI: &quot;540,307 gap days ÷ 46,425 gaps&quot;</extracomment>
        <translation>%1 %2 ÷ %3 %4</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::DataTable</name>
    <message>
        <location filename="../models/analytics/datatable.cpp" line="-45"/>
        <location line="+8"/>
        <source>Could not write &quot;%1&quot;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::OrgUnits</name>
    <message>
        <location filename="../models/analytics/orgunits.cpp" line="+64"/>
        <source>Whole company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>no %1 has the UUID or name &quot;%2&quot;</source>
        <translation>没有 UUID 或名称为“%2”的%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an org: use company, region:NAME, city:NAME, team:NAME or rep:NAME (or its UUID)</source>
        <translation>“%1”不是组织：请用 company、region:名称、city:名称、team:名称 或 rep:名称（也可用 UUID）</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::Period</name>
    <message>
        <location filename="../models/analytics/scope.cpp" line="+181"/>
        <source>Week %1, %2 (%3 – %4)</source>
        <translation>%2 年第 %1 周（%3 – %4）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%2 年%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Q%1 %2</source>
        <translation>%2 年第 %1 季度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to date (%2 – %3)</source>
        <translation>%1年初至今（%2 – %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; is not a period. Use 2026-Q3, 2026-08, 2026-W34, 2026, 2026-ytd-11-22, 2026-08-01..2026-08-20, this-week, last-week, this-month, last-month, this-quarter, last-quarter, this-year, last-year, ytd or last-ytd.</source>
        <translation>“%1”不是有效的周期。请使用 2026-Q3、2026-08、2026-W34、2026、2026-ytd-11-22、2026-08-01..2026-08-20、this-week、last-week、this-month、last-month、this-quarter、last-quarter、this-year、last-year、ytd 或 last-ytd。</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::Rag</name>
    <message>
        <location filename="../models/analytics/rag.cpp" line="+22"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::StoreCodes</name>
    <message>
        <location filename="../models/analytics/storecodes.cpp" line="-348"/>
        <source>Setting %1 = &quot;%2&quot; is not a number from %3 to %4; the default applies.</source>
        <translation>设置项 %1 =“%2”不是 %3 到 %4 之间的数字；将使用默认值。</translation>
    </message>
</context>
<context>
    <name>cockpit::analytics::Touchpoints</name>
    <message>
        <location filename="../models/analytics/reports.cpp" line="+76"/>
        <source>Touchpoints, %1, %2</source>
        <translation>触点，%1，%2</translation>
    </message>
    <message>
        <location filename="../models/analytics/touchpoints.cpp" line="+272"/>
        <source>Time (Beijing)</source>
        <translation>时间（北京）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (newest %1 of %2)</source>
        <translation> （最新 %1 条，共 %2 条）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cold zone</source>
        <translation>冷区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold days</source>
        <translation>冷区天数</translation>
    </message>
</context>
<context>
    <name>cockpit::app::DemoPreparation</name>
    <message>
        <location filename="../app/demopreparation.cpp" line="+38"/>
        <source>The folder %1 cannot be created. Check that you may write there, or start the app with --db FILE to keep the data somewhere else.</source>
        <translation>无法创建文件夹 %1。请检查是否有写入权限，或使用 --db FILE 启动本程序，把数据放在别处。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 is not writable. Check its permissions, or start the app with --db FILE to keep the data somewhere else.</source>
        <translation>文件夹 %1 不可写入。请检查其权限，或使用 --db FILE 启动本程序，把数据放在别处。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is not enough free disk space in %1: the demo company needs about %2 MB and %3 MB are free. Free some space, then try again.</source>
        <translation>%1 所在磁盘空间不足：演示公司约需 %2 MB，当前仅剩 %3 MB。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Writing %1 failed. Try again; if it fails again, start the app with --db FILE to keep the data somewhere else.</source>
        <translation>写入 %1 失败。请重试；如果仍然失败，请使用 --db FILE 启动本程序，把数据放在别处。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo company could not be created: %1</source>
        <translation>无法创建演示公司：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::app::GuiApp</name>
    <message>
        <location filename="../app/guiapp.cpp" line="+278"/>
        <source>Updating &quot;%1&quot; for this version of Sales Cockpit…

The file as it was is kept beside it as &quot;%2&quot;. A large file takes a minute.</source>
        <translation>正在将“%1”更新为此版本的销售驾驶舱可用的格式…

原文件保留在旁边，名为“%2”。大文件约需一分钟。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <location line="+16"/>
        <location line="+32"/>
        <location line="+47"/>
        <source>Sales Cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new demo database…</source>
        <translation>新建演示数据库…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put a demo database in this file</source>
        <translation>在此文件中放入演示数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; could not be replaced.</source>
        <translation>无法替换“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+267"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="-266"/>
        <location line="+267"/>
        <source>Sales Cockpit databases (*.db *.sqlite);;All files (*)</source>
        <translation>销售驾驶舱数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-262"/>
        <location line="+269"/>
        <source>New demo database</source>
        <translation>新建演示数据库</translation>
    </message>
    <message>
        <location line="-268"/>
        <location line="+80"/>
        <source>Sales Cockpit databases (*.db)</source>
        <translation>销售驾驶舱数据库 (*.db)</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>&quot;%1&quot; already exists; choose a new file name.</source>
        <translation>“%1”已存在，请选择新的文件名。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading all leads…</source>
        <translation>正在加载全部线索…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the database failed: %1</source>
        <translation>读取数据库失败：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&quot;%1&quot; is damaged (the integrity check found problems); it is open read-only. Details: %2</source>
        <translation>“%1”已损坏（完整性检查发现问题），已以只读方式打开。详情：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+5"/>
        <location line="+24"/>
        <location line="+3"/>
        <source>Save a repaired copy</source>
        <translation>保存修复副本</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>-repaired</source>
        <translation>-已修复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving what can be read from the damaged file…</source>
        <translation>正在从损坏的文件中保存可读取的内容…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The repaired copy &quot;%1&quot; passes the integrity check. The damaged file was only read. Rows recovered:
%2

Open the copy now?</source>
        <translation>修复副本“%1”已通过完整性检查。损坏的文件只被读取，未被改动。恢复的行数：
%2

现在打开这个副本吗？</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Only the cockpit screen exports a PDF report; use --screenshot cockpit.</source>
        <translation>只有驾驶舱页面可以导出 PDF 报告；请使用 --screenshot cockpit。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not write the screenshot to &quot;%1&quot;.</source>
        <translation>无法将截图写入“%1”。</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>&quot;%1&quot; already exists and was left untouched; choose a new file name.</source>
        <translation>“%1”已存在，未做任何改动；请选择新的文件名。</translation>
    </message>
    <message>
        <location filename="../app/guiappsync.cpp" line="+75"/>
        <source>The system keychain is not available, so Sales Cockpit asks for the team server&apos;s password each time it starts and keeps it only in memory.</source>
        <translation>系统钥匙串不可用，因此销售驾驶舱每次启动时都会询问团队服务器密码，并且只保存在内存中。</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+8"/>
        <source>Connect to the team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first sync stopped: %1

What was pulled is kept in %2; Connect again to continue.</source>
        <translation>首次同步已停止：%1

已拉取的数据保存在 %2 中；再次连接即可继续。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Disconnect from %1? Sales Cockpit stops syncing and removes the password from the system keychain. The local copy %2 stays on this computer.</source>
        <translation>要断开与 %1 的连接吗？销售驾驶舱将停止同步，并从系统钥匙串中删除密码。本机副本 %2 会保留在这台电脑上。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Its %n edit(s) waiting are sent when you connect again.</source>
        <translation>
            <numerusform>其中 %n 项待发送的修改会在您再次连接时发送。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
</context>
<context>
    <name>cockpit::assign::AssignStore</name>
    <message>
        <location filename="../models/assign/assignstore.cpp" line="+87"/>
        <source>The load cap must be between 1 and 100 000 open leads (got %1).</source>
        <translation>负载上限必须在 1 到 100 000 条跟进中线索之间（当前为 %1）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not save the load cap.</source>
        <translation>无法保存负载上限。</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Lead “%1” (%2) was changed or removed meanwhile; no owner was changed.</source>
        <translation>线索“%1”（%2）在此期间已被修改或删除，未更改任何负责人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A lead was removed meanwhile; no owner was changed.</source>
        <translation>有线索在此期间已被删除，未更改任何负责人。</translation>
    </message>
    <message>
        <location line="+361"/>
        <source>The chosen person is not a sales rep (or no longer exists).</source>
        <translation>所选人员不是销售（或已不存在）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 left on %2 and cannot take leads.</source>
        <translation>%1 已于 %2 离职，无法接收线索。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Already owned by %1.</source>
        <translation>负责人已是 %1。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The lead no longer exists.</source>
        <translation>该线索已不存在。</translation>
    </message>
</context>
<context>
    <name>cockpit::assign::Assigner</name>
    <message>
        <location filename="../models/assign/assigner.cpp" line="+167"/>
        <source>the company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No eligible rep: %1 has no active sales rep to take the lead.</source>
        <translation>没有符合条件的销售：%1 没有可接收线索的在职销售。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No eligible rep: nobody in %1 has won %2 before.</source>
        <translation>没有符合条件的销售：%1 中无人在 %2 行业赢过单。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No eligible rep: nobody in %1 handles %2 budgets.</source>
        <translation>没有符合条件的销售：%1 中无人负责 %2 预算的线索。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No eligible rep: nobody in %1 who has won %2 handles %3 budgets.</source>
        <translation>没有符合条件的销售：%1 中在 %2 行业赢过单的销售都不负责 %3 预算的线索。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No eligible rep: the only matching rep of %1, %2, is at the load cap of %3 (%4 open leads).</source>
        <translation>没有符合条件的销售：%1 唯一匹配的销售 %2 已达负载上限 %3（%4 条跟进中线索）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No eligible rep: all %1 reps of %2 are at the load cap of %3 (lowest: %4 with %5).</source>
        <translation>没有符合条件的销售：%2 的全部 %1 名销售均已达负载上限 %3（最低：%4，%5 条）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No eligible rep: all %1 matching reps of %2 are at the load cap of %3 (lowest: %4 with %5).</source>
        <translation>没有符合条件的销售：%2 的全部 %1 名匹配销售均已达负载上限 %3（最低：%4，%5 条）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Industry: the customer has none recorded, any rep qualifies</source>
        <translation>行业：客户未登记行业，任何销售均符合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industry: has won %1 before</source>
        <translation>行业：曾在 %1 行业赢单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industry: has not won %1 before</source>
        <translation>行业：未曾在 %1 行业赢单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget: no band on the lead; handles up to %1</source>
        <translation>预算：线索未填预算区间；可负责最高 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget: handles %1 (up to %2)</source>
        <translation>预算：可负责 %1（最高 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget: handles only up to %1, the lead is %2</source>
        <translation>预算：最高只能负责 %1，该线索为 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load: %1 / %2 open leads</source>
        <translation>负载：%1 / %2 条跟进中线索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load: %1 / %2 open leads, over the load cap</source>
        <translation>负载：%1 / %2 条跟进中线索，超出负载上限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Win rate: no leads closed in the last %1 days</source>
        <translation>赢率：最近 %1 天没有已结束的线索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Win rate: %1 % over the last %2 days (%3 won, %4 lost)</source>
        <translation>赢率：最近 %2 天为 %1%（赢单 %3，输单 %4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads assigned in the last 24 h: %1</source>
        <translation>最近 24 小时分配的线索：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The lead has no owner yet.</source>
        <translation>该线索尚无负责人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current owner %1 left on %2.</source>
        <translation>当前负责人 %1 已于 %2 离职。</translation>
    </message>
</context>
<context>
    <name>cockpit::delivery</name>
    <message>
        <location filename="../models/delivery/deliveryqueue.cpp" line="+69"/>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>notified %1</source>
        <translation>已通知 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent %1</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shown in app %1 (no system tray)</source>
        <translation>已在应用内显示 %1（无系统托盘）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled (%1)</source>
        <translation>已取消（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused (webhook disabled)</source>
        <translation>已暂停（Webhook 已停用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>retrying (1 attempt, %1), next %2</source>
        <translation>重试中（已尝试 1 次，%1），下次 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying (%1 attempts, %2), next %3</source>
        <translation>重试中（已尝试 %1 次，%2），下次 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../models/delivery/deliverysender.cpp" line="+78"/>
        <location filename="../models/delivery/webhookstore.cpp" line="+159"/>
        <source>webhook removed</source>
        <translation>Webhook 已删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the alert no longer exists</source>
        <translation>该预警已不存在</translation>
    </message>
    <message>
        <location filename="../models/delivery/robotmessage.cpp" line="+39"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (level %2)</source>
        <translation>%1（第 %2 级）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert id</source>
        <translation>预警 ID</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stage SLA exceeded</source>
        <translation>超出阶段 SLA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silent for 72 h</source>
        <translation>72 小时无动态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer touched by several reps</source>
        <translation>客户被多名销售重复跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compliance: repeated stage changes</source>
        <translation>合规：频繁变更阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compliance: repeated quote versions</source>
        <translation>合规：频繁修改报价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing hand-over SLA exceeded</source>
        <translation>超出市场交接 SLA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store below the red line</source>
        <translation>门店低于红线</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown time</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sales Cockpit alert: %1 — %2</source>
        <translation>销售驾驶舱预警：%1 — %2</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Sales Cockpit test message: this robot will receive alerts for %1.</source>
        <translation>销售驾驶舱测试消息：此机器人将接收 %1 的预警。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sales Cockpit test message</source>
        <translation>销售驾驶舱测试消息</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the endpoint answered with HTML, not the robot&apos;s JSON — check the webhook URL</source>
        <translation>接口返回的是 HTML，而不是机器人的 JSON — 请检查 Webhook 地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the endpoint answered with an empty body, not the robot&apos;s JSON — check the webhook URL</source>
        <translation>接口返回了空内容，而不是机器人的 JSON — 请检查 Webhook 地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the endpoint answered &quot;%1&quot;, not the robot&apos;s JSON — check the webhook URL</source>
        <translation>接口返回了“%1”，而不是机器人的 JSON — 请检查 Webhook 地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 refused the message: code %2, %3</source>
        <translation>%1 拒收了该消息：错误码 %2，%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no message</source>
        <translation>无说明</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the endpoint answered JSON without the %1 robot&apos;s result code — check the webhook URL (%2)</source>
        <translation>接口返回的 JSON 中没有%1机器人的结果码 — 请检查 Webhook 地址（%2）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 needs you (%2 new alerts)</source>
        <translation>%1 需要您处理（%2 条新预警）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 subjects need you (%2 new alerts)</source>
        <translation>%1 个对象需要您处理（%2 条新预警）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and %1 more in Alerts</source>
        <translation>… 另有 %1 个，请在“预警”中查看</translation>
    </message>
    <message>
        <location filename="../models/delivery/robotpost.cpp" line="+54"/>
        <source>no answer within %1 s (timeout)</source>
        <translation>%1 秒内无响应（超时）</translation>
    </message>
    <message>
        <location filename="../models/delivery/webhook.cpp" line="+58"/>
        <location filename="../models/delivery/webhookstore.cpp" line="-61"/>
        <source>Kind: &quot;%1&quot; is not a robot we know; choose WeCom, DingTalk or Feishu.</source>
        <translation>类型：“%1”不是已知的机器人；请选择企业微信、钉钉或飞书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>URL: enter the robot&apos;s webhook address (https://…).</source>
        <translation>URL：请输入机器人的 Webhook 地址（https://…）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>URL: &quot;%1&quot; is not a web address; it must start with https:// or http://.</source>
        <translation>URL：“%1”不是网址；必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL: the scheme &quot;%1:&quot; is not allowed; a robot webhook is an https:// (or http://) address.</source>
        <translation>URL：不允许使用“%1:”协议；机器人 Webhook 必须是 https://（或 http://）地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL: &quot;%1&quot; has no host name.</source>
        <translation>URL：“%1”缺少主机名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>URL: %1 robots live on %2; &quot;%3&quot; is another host. Saved anyway (a proxy or a test receiver).</source>
        <translation>URL：%1机器人的地址位于 %2，而“%3”是其他主机。仍已保存（可能是代理或测试接收端）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>URL: plain http:// sends the robot&apos;s key unencrypted; the platform documents https://.</source>
        <translation>URL：普通 http:// 会以明文发送机器人密钥；平台文档要求使用 https://。</translation>
    </message>
    <message>
        <location filename="../models/delivery/webhookstore.cpp" line="+13"/>
        <location line="+28"/>
        <source>The webhook could not be saved: %1</source>
        <translation>无法保存 Webhook：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The webhook could not be saved: it was removed meanwhile.</source>
        <translation>无法保存 Webhook：它已在此期间被删除。</translation>
    </message>
    <message>
        <location filename="../models/delivery/webhooksecrets.cpp" line="+60"/>
        <source>The webhook was not saved: %1</source>
        <translation>Webhook 未保存：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the robot&apos;s URL could not be read: %1</source>
        <translation>无法读取机器人的 URL：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the keychain entry &quot;%1&quot; does not hold a robot&apos;s URL; edit the webhook and enter it again</source>
        <translation>钥匙串条目“%1”中没有机器人的 URL；请编辑该 Webhook 并重新输入</translation>
    </message>
</context>
<context>
    <name>cockpit::forecast</name>
    <message numerus="yes">
        <location filename="../models/forecast/forecastassembly.cpp" line="+184"/>
        <source>final approver not met on %n deal(s) worth %1</source>
        <translation>
            <numerusform>%n 个商机未接触最终审批人，金额 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>intent letter incomplete on %n deal(s) worth %1</source>
        <translation>
            <numerusform>%n 个商机意向书要素不全，金额 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>a competitor on %n deal(s) worth %1</source>
        <translation>
            <numerusform>%n 个商机有竞争对手，金额 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>no expected close date on %n deal(s) worth %1 (estimated from history)</source>
        <translation>
            <numerusform>%n 个商机无预计成交日期，金额 %1（按历史估计）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>no usable amount on %n deal(s) (estimated: %1 in all)</source>
        <translation>
            <numerusform>%n 个商机无可用金额（估计合计 %1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the %n largest deal(s) worth %1 decide much of the total</source>
        <translation>
            <numerusform>最大的 %n 个商机（金额 %1）在很大程度上决定总额</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fewer than %1 past months to measure the model&apos;s own error by: the band holds only each deal&apos;s luck</source>
        <translation>过去不足 %1 个月可用来衡量模型自身的误差：区间只包含各商机本身的随机性</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>from %n past month(s)&apos; actual ÷ forecast: each outcome is scaled by a draw of the next month&apos;s ratio, typically %1, 8 in 10 between %2 and %3 (a Student-t prediction interval, wider with fewer months)</source>
        <translation>
            <numerusform>根据过去 %n 个月的“实际 ÷ 预测”：每次模拟结果再乘以一个下月比值的抽样，通常为 %1，10 次中有 8 次在 %2 与 %3 之间（基于 t 分布的预测区间：月份越少越宽）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Base rate</source>
        <translation>基础赢单率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Payment punctuality</source>
        <translation>× 付款准时度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Years as customer</source>
        <translation>× 合作年限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Share of budget</source>
        <translation>× 预算占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Contact seniority</source>
        <translation>× 接触人职级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Competitor</source>
        <translation>× 竞争对手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Technical validation</source>
        <translation>× 技术验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× Rep</source>
        <translation>× 销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intent-letter cap</source>
        <translation>意向书上限</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount estimated</source>
        <translation>金额为估计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Win probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead id</source>
        <translation>线索编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learned model</source>
        <translation>学习型模型</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open deals</source>
        <translation>未结商机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P10</source>
        <translation>P10</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In band</source>
        <translation>在区间内</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P50 before error ratios</source>
        <translation>误差比调整前的 P50</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error ratios used</source>
        <translation>所用误差比个数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted in coverage</source>
        <translation>计入覆盖率</translation>
    </message>
    <message>
        <location filename="../models/forecast/winprob.cpp" line="+70"/>
        <source>customer pays &lt; 70 % on time</source>
        <translation>客户按时付款率低于 70 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customer pays 70–95 % on time</source>
        <translation>客户按时付款率 70–95 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customer pays ≥ 95 % on time</source>
        <translation>客户按时付款率不低于 95 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>customer for &lt; 1 year</source>
        <translation>合作不足 1 年的客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customer for 1–3 years</source>
        <translation>合作 1–3 年的客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customer for 3+ years</source>
        <translation>合作 3 年以上的客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deal ≤ 50 % of the customer&apos;s budget</source>
        <translation>商机金额不超过客户预算的 50 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deal 50–100 % of the customer&apos;s budget</source>
        <translation>商机金额占客户预算 50–100 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deal above the customer&apos;s budget</source>
        <translation>商机金额超出客户预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contact met: staff</source>
        <translation>已接触联系人：员工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>contact met: manager</source>
        <translation>已接触联系人：经理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>contact met: executive</source>
        <translation>已接触联系人：高管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no competitor</source>
        <translation>无竞争对手</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>competitor present</source>
        <translation>有竞争对手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no demo, not validated</source>
        <translation>未演示，未技术验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>demo held, not validated</source>
        <translation>已演示，未技术验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validated, no demo</source>
        <translation>已技术验证，未演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>demo held and validated</source>
        <translation>已演示且已技术验证</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>no closed deals yet: the rep&apos;s own probability</source>
        <translation>尚无已关闭商机：采用销售自填概率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no industry</source>
        <translation>无行业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 closed %3 deals that reached “%4” won (stage: %5 of %6)</source>
        <translation>%3行业已成交/输单的 %2 个到达“%4”的商机中赢单 %1 个（该阶段：%6 个中 %5 个）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+9"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>not recorded for this deal</source>
        <translation>该商机未记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 of %3 closed deals won (%4, all: %5)</source>
        <translation>%1：%3 个已关闭商机中赢单 %2 个（%4，全部：%5）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the rep won %1 of %2 deals of this pipeline in the last 365 days (team: %3)</source>
        <translation>该销售近 365 天在此销售流程中 %2 个商机赢单 %1 个（团队：%3）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>intent letter complete: not capped</source>
        <translation>意向书要素齐全：不设上限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seal</source>
        <translation>盖章</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget range</source>
        <translation>预算范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>named contact</source>
        <translation>指定联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next meeting date</source>
        <translation>下次会面日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>intent letter lacks %1: capped at 35 %</source>
        <translation>意向书缺少%1：概率上限 35 %</translation>
    </message>
    <message>
        <location filename="../models/forecast/forecastreports.cpp" line="+40"/>
        <source>Win probability of the open deals — learned model: held-out AUC %1, Brier skill %2 (%3 test examples)</source>
        <translation>在跟商机的赢单概率——学习型模型：留出集 AUC %1，Brier 技能分 %2（%3 个检验样本）</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Learned win model, trained on deals closed before %1, tested on %n later deal(s)</source>
        <translation>
            <numerusform>学习型赢单模型：以 %1 之前关闭的商机训练，在之后关闭的 %n 个商机上检验</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Forecast of deals won in %1: P50 %2 (confidence %3 %, P10–P90 %4–%5), seed %6, %7 draws</source>
        <translation>%1 赢单金额预测：P50 %2（置信度 %3 %，P10–P90 %4–%5），随机种子 %6，模拟 %7 次</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>share of draws within ±20 % of P50</source>
        <translation>模拟结果落在 P50 ±20 % 以内的比例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>probability of reaching the target</source>
        <translation>达成目标的概率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no target for the period</source>
        <translation>该期间无目标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>by age: the file writes expected close dates over at closing, so no slip can be learned</source>
        <translation>按商机存续时长：本文件在商机关闭时用实际日期覆盖预计成交日期，无法从中学到延期情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by expected close date, moved by past won deals&apos; slips (by age where a deal has none)</source>
        <translation>按预计成交日期，并以以往赢单的延期情况调整（没有预计日期的商机按存续时长）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Backtest, forecasts made at each month&apos;s start: P10–P90 band coverage %1 % of %2 months, mean accuracy %3 %</source>
        <translation>回测（每月初所做预测）：P10–P90 区间覆盖 %2 个月中的 %1 %，平均准确率 %3 %</translation>
    </message>
</context>
<context>
    <name>cockpit::forecast::RevisionRepository</name>
    <message>
        <location filename="../models/forecast/revisions.cpp" line="+81"/>
        <source>The reason code &quot;%1…&quot; is longer than %2 characters.</source>
        <translation>原因代码“%1…”超过 %2 个字符。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reason code &quot;%1&quot; is in the list twice.</source>
        <translation>原因代码“%1”在列表中出现了两次。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep at least one reason code: a revision needs one.</source>
        <translation>请至少保留一个原因代码：修订预测需要原因代码。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>A revision needs a reason code: pick one from the list or type a new one.</source>
        <translation>修订需要原因代码：请从列表中选择或输入新的代码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A revision needs a note saying what changed.</source>
        <translation>修订需要一条说明，写明发生了什么变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The revised value cannot be negative.</source>
        <translation>修订值不能为负数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A forecast is revised for a month, quarter or year, not for this period.</source>
        <translation>预测只能按月、季度或年度修订，不能按此期间修订。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forecasts are kept for the company, regions, cities and reps, not for teams: pick the team&apos;s city or a rep.</source>
        <translation>预测按公司、大区、城市和销售保存，不按团队：请选择该团队所在城市或某位销售。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The reason codes cannot be saved while the file is being checked or is damaged.</source>
        <translation>文件正在检查或已损坏时无法保存原因代码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reason codes could not be saved: %1</source>
        <translation>无法保存原因代码：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportIssue</name>
    <message>
        <location filename="../models/imports/importplansummary.cpp" line="+27"/>
        <source>, line %1</source>
        <translation>，第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, column %1</source>
        <translation>，列 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, value &quot;%1&quot;</source>
        <translation>，值“%1”</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportJob</name>
    <message>
        <location filename="../models/imports/importjob.cpp" line="+84"/>
        <source>Reading and checking the files…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportMapping</name>
    <message>
        <location filename="../models/imports/importmapping.cpp" line="+71"/>
        <source>%1 must be an object of texts</source>
        <translation>%1 必须是由文本组成的对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.%2 must be a text</source>
        <translation>%1.%2 必须是文本</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not JSON: %1 at character %2</source>
        <translation>不是 JSON：第 %2 个字符处 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a mapping: the JSON is not an object</source>
        <translation>不是映射：该 JSON 不是对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>currency must be a three-letter ISO 4217 code such as CNY or USD, not &quot;%1&quot;</source>
        <translation>currency 必须是三个字母的 ISO 4217 代码，如 CNY 或 USD，而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>day_order must be &quot;month_first&quot; or &quot;day_first&quot;, not &quot;%1&quot;</source>
        <translation>day_order 必须是“month_first”或“day_first”，而不是“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>on_duplicate must be skip, update or replace</source>
        <translation>on_duplicate 必须是 skip、update 或 replace</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>pipeline.stages: each stage needs a name, and &quot;closing&quot; may only be &quot;won&quot; or &quot;lost&quot;</source>
        <translation>pipeline.stages：每个阶段都要有名称，“closing”只能是“won”或“lost”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pipeline needs a code, at least one open stage and exactly one stage with &quot;closing&quot;: &quot;won&quot;</source>
        <translation>pipeline 需要代码、至少一个进行中阶段，以及恰好一个“closing”: “won”的阶段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>files: the mapping names no file</source>
        <translation>files：映射没有指定任何文件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.entity: unknown entity &quot;%2&quot; (org, products, customers, contacts, leads, orders, payments, activities, stores, store_days, targets)</source>
        <translation>%1.entity：未知的数据类型“%2”（可用 org、products、customers、contacts、leads、orders、payments、activities、stores、store_days、targets）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: give the &quot;file&quot; (or the workbook &quot;sheet&quot;) it reads</source>
        <translation>%1：请给出要读取的“file”（或工作簿的“sheet”）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 has no field &quot;%3&quot;</source>
        <translation>%1：%2 没有字段“%3”</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1.stage_dates: every key must be a stage of the mapping&apos;s pipeline</source>
        <translation>%1.stage_dates：每个键都必须是映射中销售流程的阶段</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1.encoding must be UTF-8, GB18030, UTF-16LE or UTF-16BE, not &quot;%2&quot;</source>
        <translation>%1.encoding 必须是 UTF-8、GB18030、UTF-16LE 或 UTF-16BE，而不是“%2”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.delimiter must be one character such as &quot;,&quot; &quot;;&quot; &quot;|&quot; or &quot;\t&quot; (or comma, semicolon, tab, pipe), not &quot;%2&quot;</source>
        <translation>%1.delimiter 必须是一个字符，例如 &quot;,&quot; &quot;;&quot; &quot;|&quot; 或 &quot;	&quot;（或 comma、semicolon、tab、pipe），而不是“%2”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read the mapping %1: %2</source>
        <translation>无法读取映射 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the mapping %1 is over 4 MB: not a mapping</source>
        <translation>映射 %1 超过 4 MB：不是映射文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mapping %1: %2</source>
        <translation>映射 %1：%2</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>no column is the field “%1”</source>
        <translation>没有列对应字段“%1”</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportPlan</name>
    <message>
        <location filename="../models/imports/importplansummary.cpp" line="+59"/>
        <source>%1 (%2) → %3: %4 rows: %5 new, %6 updated, %7 unchanged, %8 skipped, %9 refused</source>
        <translation>%1（%2）→ %3：%4 行：新增 %5，更新 %6，未变 %7，跳过 %8，拒绝 %9</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>creates %n region(s): %1</source>
        <translation>
            <numerusform>新建 %n 个大区：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>creates %n city/cities: %1</source>
        <translation>
            <numerusform>新建 %n 个城市：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>creates %n team(s): %1</source>
        <translation>
            <numerusform>新建 %n 个团队：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>creates %n person/people</source>
        <translation>
            <numerusform>新建 %n 名人员</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>leads go into the pipeline “%1” (%2)</source>
        <translation>线索进入销售流程“%1”（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creates a new version (%2) of the pipeline “%1”, whose stages differ: %3; its leads so far stay on the version they are on</source>
        <translation>为销售流程“%1”创建新版本（第 %2 版），阶段有变化：%3；已有线索留在原来的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creates the pipeline “%1”, version %2: %3</source>
        <translation>新建销售流程“%1”，版本 %2：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported stage moves are recorded as they happened, not checked against stage gates (gates hold for moves made in the app)</source>
        <translation>导入的阶段变更按实际发生记录，不经阶段关卡检查（关卡只约束在应用内进行的变更）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>money is in %1: the company&apos;s currency becomes %1</source>
        <translation>金额币种为 %1：公司币种设为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>money is in %1</source>
        <translation>金额币种为 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1: %2 (%n row(s); first at line %3)</source>
        <translation>
            <numerusform>%1：%2（%n 行；最早在第 %3 行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/imports/importplan.cpp" line="+91"/>
        <location filename="../models/imports/importplanleads.cpp" line="+79"/>
        <location line="+51"/>
        <location filename="../models/imports/importplanstores.cpp" line="+44"/>
        <location line="+10"/>
        <location line="+5"/>
        <location filename="../models/imports/importplantargets.cpp" line="+152"/>
        <location line="+7"/>
        <source>the database cannot be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>read as “%1” (the mapping&apos;s values)</source>
        <translation>按映射的取值读作“%1”</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>a date more than a year after today is not plausible here</source>
        <translation>此处不接受晚于今天一年以上的日期</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not a whole number from %1 to %2</source>
        <translation>不是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanlookups.cpp" line="+86"/>
        <source>matched a person by the pinyin of the name</source>
        <translation>按姓名拼音匹配到人员</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>spelt differently from the product “%1”: taken as that product</source>
        <translation>与产品“%1”写法不同：视为该产品</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanaccounts.cpp" line="+26"/>
        <source>a person needs a name</source>
        <translation>人员必须有姓名</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not a role (%1)</source>
        <translation>不是有效角色（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../models/imports/importplanstores.cpp" line="+28"/>
        <source>no such region; the import creates regions only when asked to create the org</source>
        <translation>没有此大区；只有在要求创建组织时导入才会新建大区</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no city given: the team is placed in a branch named after its region</source>
        <translation>未给出城市：团队放入以其大区命名的分公司</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such city in the person&apos;s region</source>
        <translation>该人员所在大区没有此城市</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no such team in the person&apos;s city</source>
        <translation>该人员所在城市没有此团队</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no such person; the import creates people only when asked to create the org</source>
        <translation>没有此人员；只有在要求创建组织时导入才会新建人员</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the same person as line %1</source>
        <translation>与第 %1 行是同一人员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a person of the company; the import creates people only when asked to create the org</source>
        <translation>不是公司人员；只有在要求创建组织时导入才会新建人员</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a product needs a name</source>
        <translation>产品必须有名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the same product as line %1</source>
        <translation>与第 %1 行是同一产品</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a customer needs a name</source>
        <translation>客户必须有名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a size (%1)</source>
        <translation>不是有效规模（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../models/imports/importplanhistory.cpp" line="+132"/>
        <source>a phone number has 7 to 20 digits</source>
        <translation>电话号码应有 7 到 20 位数字</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no such region</source>
        <translation>没有此大区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such city in the customer&apos;s region</source>
        <translation>该客户所在大区没有此城市</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such person</source>
        <translation>没有此人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a company cannot be its own parent</source>
        <translation>公司不能是自己的母公司</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no phone (the new-customer form requires one)</source>
        <translation>没有电话（新建客户表单要求填写）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no core need (the new-customer form requires one)</source>
        <translation>没有核心需求（新建客户表单要求填写）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no source (the new-customer form requires one)</source>
        <translation>没有来源（新建客户表单要求填写）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no owner: the person importing owns it</source>
        <translation>没有负责人：由导入人负责</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same customer as line %1</source>
        <translation>与第 %1 行是同一客户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sounds like a customer already in the file (same pinyin): imported as a new customer; check it</source>
        <translation>与库中已有客户读音相同（拼音一致）：作为新客户导入，请核对</translation>
    </message>
    <message>
        <location filename="../models/imports/importplan.cpp" line="+141"/>
        <source>%1: the mapping&apos;s column &quot;%2&quot; (for %3) is not in the file&apos;s header (%4)</source>
        <translation>%1：映射中的列“%2”（用于%3）不在文件表头中（%4）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the mapping&apos;s column &quot;%2&quot; (the date of stage %3) is not in the file&apos;s header</source>
        <translation>%1：映射中的列“%2”（阶段 %3 的日期）不在文件表头中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: no column is mapped to %2, which every %3 row needs</source>
        <translation>%1：没有列映射到“%2”，而每行%3都需要它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rows are recognised on re-import by the column “%1”</source>
        <translation>再次导入时按列“%1”识别各行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no id column: a lead is recognised on re-import by its cells, so an edited row imports as a new lead</source>
        <translation>没有编号列：再次导入时按单元格内容识别线索，修改过的行会作为新线索导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a store&apos;s day is recognised by its store and date</source>
        <translation>门店日数据按门店和日期识别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a target is recognised by its period and unit</source>
        <translation>目标按期间和组织单元识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows are recognised on re-import by their names</source>
        <translation>再次导入时按名称识别各行</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 cells, but the header has %2</source>
        <translation>有 %1 个单元格，但表头只有 %2 列</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>no such customer: the parent company is left empty</source>
        <translation>没有此客户：母公司留空</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no hire date: set to %1, the earliest date in the import</source>
        <translation>没有入职日期：设为导入数据中最早的日期 %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the mapping names %1 file(s) but %2 were given</source>
        <translation>映射指定了 %1 个文件，但给出了 %2 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the files&apos; money is in %1 but the company&apos;s is in %2; the import does not convert currencies</source>
        <translation>文件金额为 %1，而公司币种为 %2；导入不做币种换算</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the database names no current user to own what the files leave unowned; pick who you are first (or pass --as)</source>
        <translation>数据库没有当前用户来负责文件中无人负责的记录；请先选择你是谁（或使用 --as）</translation>
    </message>
    <message>
        <location filename="../models/imports/importplansummary.cpp" line="+81"/>
        <source>cannot write the error file %1: %2</source>
        <translation>无法写入错误文件 %1：%2</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>other warnings</source>
        <translation>其他警告</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanleads.cpp" line="+22"/>
        <source>the database has no pipeline for the leads, and the mapping brings none</source>
        <translation>数据库中没有可用于线索的销售流程，映射中也没有提供</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the pipeline “%1” has no closing (won) stage</source>
        <translation>销售流程“%1”没有结单（赢单）阶段</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanhistory.cpp" line="-37"/>
        <source>not a time of day</source>
        <translation>不是有效的时刻</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a contact needs a customer</source>
        <translation>联系人必须有所属客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a contact needs a name</source>
        <translation>联系人必须有姓名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a decision-chain role (%1)</source>
        <translation>不是有效的决策链角色（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no decision-chain role: recorded as user</source>
        <translation>没有决策链角色：记为使用者</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the same contact as line %1</source>
        <translation>与第 %1 行是同一联系人</translation>
    </message>
    <message>
        <location filename="../models/imports/importplan.cpp" line="-391"/>
        <source>the same row as line %1</source>
        <translation>与第 %1 行相同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the same id as line %1</source>
        <translation>与第 %1 行编号相同</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanhistory.cpp" line="+29"/>
        <source>not a kind of activity (%1)</source>
        <translation>不是有效的跟进方式（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a direction (sales, customer, cross)</source>
        <translation>不是有效的方向（销售、客户、跨部门）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an activity needs its date</source>
        <translation>跟进记录必须有日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a duration (seconds, m:ss or h:mm:ss, up to a day)</source>
        <translation>不是有效的时长（秒数、m:ss 或 h:mm:ss，不超过一天）</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+61"/>
        <source>no lead with this id (import the leads first)</source>
        <translation>没有此编号的线索（请先导入线索）</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>an activity needs a customer or a lead</source>
        <translation>跟进记录必须有客户或线索</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>before its lead was created</source>
        <translation>早于其线索的创建时间</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>an order needs a customer</source>
        <translation>订单必须有客户</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an order needs its date</source>
        <translation>订单必须有日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an order needs its amount</source>
        <translation>订单必须有金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a margin above the order&apos;s amount</source>
        <translation>毛利高于订单金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no gross margin: recorded as 0</source>
        <translation>没有毛利：记为 0</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>a payment needs its order</source>
        <translation>回款必须对应订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no order with this id (import the orders first)</source>
        <translation>没有此编号的订单（请先导入订单）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a payment needs an amount above 0</source>
        <translation>回款金额必须大于 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a payment needs its due date</source>
        <translation>回款必须有应收日期</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanleads.cpp" line="+10"/>
        <source>the column “%1” dates the stage “%2”, which the pipeline “%3” does not have (%4)</source>
        <translation>列“%1”给出阶段“%2”的日期，但销售流程“%3”没有这个阶段（%4）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a lead needs a stage</source>
        <translation>线索必须有阶段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a stage of the pipeline “%1” (%2); match it to one of them</source>
        <translation>不是销售流程“%1”的阶段（%2）；请将其对应到其中一个阶段</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a status (open, won, lost)</source>
        <translation>不是有效状态（进行中、赢单、输单）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open, but its stage says it is closed</source>
        <translation>状态为进行中，但阶段表明已结单</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the lead enters stage “%1” before it was created</source>
        <translation>线索在创建之前就进入了阶段“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closes before it was created</source>
        <translation>结单早于创建</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closes before it enters stage “%1”</source>
        <translation>结单早于进入阶段“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no creation date: created at its earliest date</source>
        <translation>没有创建日期：以其最早的日期为创建时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no date at all: recorded as created at the time of the import</source>
        <translation>没有任何日期：按导入时间记为创建时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>closed, but no close date: closed at its latest date</source>
        <translation>已结单但没有结单日期：以其最晚的日期为结单时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an open lead with a close date: the date is not used</source>
        <translation>进行中的线索带有结单日期：该日期不使用</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no date for entering this stage: dated at its latest known date</source>
        <translation>没有进入该阶段的日期：以已知的最晚日期为准</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a lead needs a customer</source>
        <translation>线索必须有客户</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanhistory.cpp" line="-218"/>
        <location line="+95"/>
        <location line="+52"/>
        <location filename="../models/imports/importplanleads.cpp" line="+2"/>
        <source>no such customer (import the customers first)</source>
        <translation>没有此客户（请先导入客户）</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanleads.cpp" line="+15"/>
        <source>no customer: filed under “%1”, the mapping&apos;s default</source>
        <translation>没有客户：按映射的默认值归入“%1”</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanhistory.cpp" line="-31"/>
        <location line="+39"/>
        <location filename="../models/imports/importplanleads.cpp" line="+4"/>
        <location filename="../models/imports/importplanstores.cpp" line="+10"/>
        <source>no such person (import the people first)</source>
        <translation>没有此人员（请先导入人员）</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanleads.cpp" line="+2"/>
        <source>no owner: the lead is unassigned</source>
        <translation>没有负责人：线索未分配</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such product (import the products first)</source>
        <translation>没有此产品（请先导入产品）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a lead&apos;s amount cannot be negative</source>
        <translation>线索金额不能为负数</translation>
    </message>
    <message>
        <location filename="../models/imports/importplanstores.cpp" line="-23"/>
        <source>a store needs its name</source>
        <translation>门店必须有名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same store as line %1</source>
        <translation>与第 %1 行是同一家门店</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no such city in that region; the import creates cities only when asked to create the org</source>
        <translation>该大区下没有此城市；只有在要求创建组织时导入才会新建城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a city needs its region</source>
        <translation>城市必须有所属大区</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>two stores have this name: give the file an id column</source>
        <translation>有两家门店同名：请在文件中加一列门店编号</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>two stores have this name: use the store&apos;s id</source>
        <translation>有两家门店同名：请使用门店编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a store day needs its store</source>
        <translation>门店日数据必须有门店</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no such store (import the stores first)</source>
        <translation>没有这家门店（请先导入门店）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a store day needs its date</source>
        <translation>门店日数据必须有日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>an exposure is from 0 to 100 %</source>
        <translation>曝光率须在 0 到 100% 之间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a number of minutes from 0 to 1440</source>
        <translation>不是 0 到 1440 之间的分钟数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more deals than experiences given (%1)</source>
        <translation>成交数多于体验人数（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>customer groups received with no staff on duty</source>
        <translation>有接待组数但在岗人数为 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same store and day as line %1</source>
        <translation>与第 %1 行是同一门店同一天</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>no opening date: a store opened on its first day in the import, else today</source>
        <translation>没有开业日期：取该门店在本次导入中的第一天，没有则取今天</translation>
    </message>
    <message>
        <location filename="../models/imports/importplantargets.cpp" line="-59"/>
        <source>is a quarter, but the period kind says %1</source>
        <translation>是季度，但期间类型为 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is a month, but the period kind says %1</source>
        <translation>是月份，但期间类型为 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>is a date: say whether the target is for its month, quarter or year (a period kind column)</source>
        <translation>是一个日期：请用期间类型列说明目标对应该日期所在的月、季度还是年</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a period (write 2026, 2026-Q1 or 2026-03)</source>
        <translation>不是期间（请写 2026、2026-Q1 或 2026-03）</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>two units of this level have this name</source>
        <translation>该层级有两个同名单元</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>more than one unit or person has this name: add a level column</source>
        <translation>有多个组织单元或人员同名：请增加层级列</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not month, quarter or year</source>
        <translation>不是月、季度或年</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a target needs its period</source>
        <translation>目标必须有期间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a date on the first of a month: read as that month</source>
        <translation>是某月 1 日的日期：按该月读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a year from 1990 to 2100</source>
        <translation>年份须在 1990 到 2100 之间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not company, region, city, team or rep</source>
        <translation>不是公司、大区、城市、团队或销售</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a %1 target needs the unit or person it is for</source>
        <translation>%1 目标必须注明对应的组织单元或人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no such unit or person (import the people and org first)</source>
        <translation>没有这个组织单元或人员（请先导入人员和组织架构）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a target needs its amount</source>
        <translation>目标必须有金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a target below zero</source>
        <translation>目标金额小于零</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not A, B or C</source>
        <translation>不是 A、B 或 C</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a growth rate from -100 % to 1000 %</source>
        <translation>增长率须在 -100% 到 1000% 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an external correction is within ±5 %</source>
        <translation>外部修正须在 ±5% 以内</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a correction without a reason: imported; its reason can be given on the Targets tab</source>
        <translation>修正没有填写原因：已导入；可在“目标”页补填原因</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not approved or draft</source>
        <translation>不是“已批准”或“草稿”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the same period and unit as line %1</source>
        <translation>与第 %1 行的期间和组织单元相同</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>the targets of the level below in the file (%1) add up to %2, not this amount</source>
        <translation>文件中下一层级的目标（%1 个）合计为 %2，与此金额不符</translation>
    </message>
    <message>
        <location filename="../models/imports/plannedrows.cpp" line="+81"/>
        <source>the import&apos;s scratch file cannot be made in %1: %2</source>
        <translation>无法在 %1 中创建导入的临时文件：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the import&apos;s scratch file %1 cannot be written: %2</source>
        <translation>无法写入导入的临时文件 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the import&apos;s scratch file %1 cannot be read: %2</source>
        <translation>无法读取导入的临时文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportSchema</name>
    <message>
        <location filename="../models/imports/importschema.cpp" line="+251"/>
        <source>People and org</source>
        <translation>人员与组织</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store days</source>
        <translation>门店日数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Id in the file</source>
        <translation>文件中的编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>直属主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core need</source>
        <translation>核心需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close cycle (days)</source>
        <translation>预计成交周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent company</source>
        <translation>母公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual revenue</source>
        <translation>年营收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year established</source>
        <translation>成立年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结单日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source campaign</source>
        <translation>来源活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision-chain role</source>
        <translation>决策链角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniority (1–5)</source>
        <translation>层级（1–5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead (its id in the leads file)</source>
        <translation>线索（线索文件中的编号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (seconds, or m:ss)</source>
        <translation>时长（秒，或 m:ss）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order (its id in the orders file)</source>
        <translation>订单（订单文件中的编号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>应收日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened on</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff on duty</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer groups received</source>
        <translation>接待组数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main-product exposure %</source>
        <translation>主推品曝光率 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average dwell (minutes)</source>
        <translation>平均停留时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experiences given</source>
        <translation>体验人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deals within 72 h</source>
        <translation>72 小时内成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period kind (month, quarter, year)</source>
        <translation>期间类型（月、季度、年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Org level (company, region, city, team, rep)</source>
        <translation>组织层级（公司、大区、城市、团队、销售）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Org unit or rep</source>
        <translation>组织单元或销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier (A, B, C)</source>
        <translation>分级（A、B、C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth rate %</source>
        <translation>增长率 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External correction % (within ±5)</source>
        <translation>外部修正 %（±5 以内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the correction</source>
        <translation>修正原因</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::ImportWriter</name>
    <message>
        <location filename="../models/imports/importwriter.cpp" line="+184"/>
        <source>cancelled: nothing was imported</source>
        <translation>已取消：未导入任何内容</translation>
    </message>
    <message>
        <location line="+227"/>
        <location line="+2"/>
        <source>the activity log could not take the imported stage moves: %1</source>
        <translation>操作日志无法记录导入的阶段变更：%1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>a row this import refers to was deleted meanwhile; nothing was imported: check the files again</source>
        <translation>本次导入引用的某一行已在此期间被删除；未导入任何内容，请重新检查文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the plan was cancelled</source>
        <translation>导入计划已取消</translation>
    </message>
    <message>
        <location filename="../models/imports/importruns.cpp" line="+103"/>
        <source>there is no import %1</source>
        <translation>没有编号为 %1 的导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>import %1 was undone already</source>
        <translation>导入 %1 已经撤销过了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>import %1 stands; there is nothing to redo</source>
        <translation>导入 %1 仍然有效，没有可重做的内容</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cancelled: nothing was changed</source>
        <translation>已取消：没有任何改动</translation>
    </message>
</context>
<context>
    <name>cockpit::imports::TableSource</name>
    <message>
        <location filename="../models/imports/tablesource.cpp" line="+17"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: the workbook has no visible sheet</source>
        <translation>%1：工作簿没有可见的工作表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the workbook has no sheet &quot;%2&quot; (it has: %3)</source>
        <translation>%1：工作簿中没有工作表“%2”（现有：%3）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, line %2: the header cannot be read: %3</source>
        <translation>%1，第 %2 行：无法读取表头：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: nothing to import: the file holds no header and no rows</source>
        <translation>%1：没有可导入的内容：文件既无表头也无数据行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: nothing to import: the file holds a header and no rows</source>
        <translation>%1：没有可导入的内容：文件只有表头没有数据行</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>XLSX · sheet “%1”</source>
        <translation>XLSX · 工作表“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV · %1%2 · %3</source>
        <translation>CSV · %1%2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> with BOM</source>
        <translation>（含 BOM）</translation>
    </message>
</context>
<context>
    <name>cockpit::io::CsvReader</name>
    <message>
        <location filename="../models/io/csvreader.cpp" line="+177"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a regular file (a pipe or a device?).</source>
        <translation>%1 不是普通文件（可能是管道或设备）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The text</source>
        <translation>该文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a ZIP archive (an Excel .xlsx workbook?), not a CSV file.</source>
        <translation>%1 是 ZIP 压缩包（Excel 的 .xlsx 工作簿？），不是 CSV 文件。</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+7"/>
        <source>%1 is not a text file (it holds binary data).</source>
        <translation>%1 不是文本文件（含有二进制数据）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This system cannot read %1 text.</source>
        <translation>本系统无法读取 %1 编码的文本。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 could not be read further: %2</source>
        <translation>%1 无法继续读取：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>a quote opened on this line is not closed (within %n line(s) or by the end of the file)</source>
        <translation>
            <numerusform>此行开始的引号未闭合（%n 行内或到文件末尾都没有闭合）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the record is longer than %1 MB</source>
        <translation>该记录超过 %1 MB</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>a cell is longer than %n character(s)</source>
        <translation>
            <numerusform>有单元格超过 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the line is not valid %1 text</source>
        <translation>该行不是有效的 %1 文本</translation>
    </message>
</context>
<context>
    <name>cockpit::io::TableWriter</name>
    <message>
        <location filename="../models/io/tablewriter.cpp" line="+116"/>
        <source>No file name was given for the export.</source>
        <translation>没有给出导出文件名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was not written: the table has no columns.</source>
        <translation>未写入 %1：表格没有列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder. Choose a file name for the export.</source>
        <translation>%1 是文件夹。请为导出选择一个文件名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be written: the folder %2 does not exist.</source>
        <translation>无法写入 %1：文件夹 %2 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be written: the folder %2 is not writable. Choose another folder.</source>
        <translation>无法写入 %1：文件夹 %2 不可写。请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a regular file and cannot be replaced.</source>
        <translation>%1 不是普通文件，无法替换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is read-only and cannot be replaced.</source>
        <translation>%1 为只读，无法替换。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be written: the disk is full.</source>
        <translation>无法写入 %1：磁盘已满。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 cannot be written: the folder is not writable. Choose another folder.</source>
        <translation>无法写入 %1：文件夹不可写。请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+182"/>
        <location line="+68"/>
        <location filename="../models/io/tablewriter_xlsx.cpp" line="+84"/>
        <location line="+304"/>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>This system cannot write %1 text.</source>
        <translation>本系统无法写出 %1 编码的文本。</translation>
    </message>
    <message>
        <location filename="../models/io/tablewriter_xlsx.cpp" line="-4"/>
        <source>%1 cannot be written: there is not enough memory.</source>
        <translation>无法写入 %1：内存不足。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 cannot be written: the table has more than Excel&apos;s 16 384 columns. Export to CSV instead.</source>
        <translation>无法写入 %1：表格超过 Excel 的 16 384 列上限。请改为导出 CSV。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be written: the table has more than Excel&apos;s 1 048 576 rows. Export to CSV instead.</source>
        <translation>无法写入 %1：表格超过 Excel 的 1 048 576 行上限。请改为导出 CSV。</translation>
    </message>
    <message numerus="yes">
        <location line="+79"/>
        <source>Excel holds at most 32 767 characters in a cell: %n longer cell(s) were cut short, the first in row %1, column “%2”. Export to CSV to keep them whole.</source>
        <translation>
            <numerusform>Excel 每个单元格最多容纳 32 767 个字符：%n 个更长的单元格已被截断，第一个在第 %1 行“%2”列。如需完整保留，请导出 CSV。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::io::Values</name>
    <message>
        <location filename="../models/io/values.cpp" line="+113"/>
        <location line="+72"/>
        <location line="+20"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>is not a day of the calendar</source>
        <translation>不是日历上存在的日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not a plausible date (the year must be between 1900 and 2100)</source>
        <translation>不是合理的日期（年份须在 1900 到 2100 之间）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is a year, not a date</source>
        <translation>是年份，不是日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>is not a date (write it as 2026-03-05)</source>
        <translation>不是日期（请写成 2026-03-05）</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>is Excel&apos;s day 60, 1900-02-29, a day that never was</source>
        <translation>是 Excel 的第 60 天，即 1900-02-29，这一天并不存在</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>is not a percentage (write 85, 85% or 0.85)</source>
        <translation>不是百分比（请写 85、85% 或 0.85）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>is unclear: a comma must separate thousands (1,500 or 1,500.25)</source>
        <translation>含义不明：逗号只能用作千位分隔符（如 1,500 或 1,500.25）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not an amount of money</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>has a fraction of a cent</source>
        <translation>含有不足一分的零头</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
</context>
<context>
    <name>cockpit::io::XlsxReader</name>
    <message>
        <location filename="../models/io/xlsxpart.h" line="+128"/>
        <source>%1 is damaged: its part %2 is missing.</source>
        <translation>%1 已损坏：缺少部件 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/io/xlsxreader.cpp" line="+278"/>
        <source>%1 is password-protected; remove the password in Excel or save a copy without it.</source>
        <translation>%1 受密码保护；请在 Excel 中取消密码，或另存一份不带密码的副本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is damaged: its part %2 cannot be opened (%3).</source>
        <translation>%1 已损坏：无法打开部件 %2（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is damaged: its part %2 cannot be read (%3).</source>
        <translation>%1 已损坏：无法读取部件 %2（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is damaged: its part %2 fails its checksum (CRC).</source>
        <translation>%1 已损坏：部件 %2 校验和（CRC）不符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is refused: its part %2 is larger than %3 uncompressed (the limit; a zip bomb?).</source>
        <translation>拒绝读取 %1：部件 %2 解压后超过 %3（上限；可能是压缩炸弹）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is damaged: its part %2 is larger than its ZIP header says.</source>
        <translation>%1 已损坏：部件 %2 比 ZIP 头声明的更大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is damaged: its part %2 is not well-formed XML (line %3, column %4: %5).</source>
        <translation>%1 已损坏：部件 %2 不是格式正确的 XML（第 %3 行第 %4 列：%5）。</translation>
    </message>
    <message>
        <location filename="../models/io/xlsxreader.cpp" line="-29"/>
        <source>The workbook</source>
        <translation>该工作簿</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is an Excel 97–2003 .xls workbook; save it as .xlsx or CSV.</source>
        <translation>%1 是 Excel 97–2003 的 .xls 工作簿；请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a regular file (a pipe or a device?).</source>
        <translation>%1 不是普通文件（管道或设备？）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+31"/>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+27"/>
        <source>%1 is not an Excel workbook (.xlsx).</source>
        <translation>%1 不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>%1 is damaged: %2.</source>
        <translation>%1 已损坏：%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has no worksheet.</source>
        <translation>%1 没有工作表。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 is an Excel binary workbook (.xlsb); save it as .xlsx or CSV.</source>
        <translation>%1 是 Excel 二进制工作簿（.xlsb）；请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a ZIP archive, not an Excel workbook.</source>
        <translation>%1 是 ZIP 压缩包，不是 Excel 工作簿。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is refused: its shared strings are larger than %2 uncompressed (the limit).</source>
        <translation>拒绝读取 %1：其共享字符串解压后超过 %2（上限）。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No workbook is open.</source>
        <translation>没有打开的工作簿。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no sheet %2.</source>
        <translation>%1 没有工作表 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is damaged: the sheet &quot;%2&quot; has no part.</source>
        <translation>%1 已损坏：工作表“%2”没有对应部件。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 is damaged: the sheet has a row numbered &quot;%2&quot;.</source>
        <translation>%1 已损坏：工作表中有编号为“%2”的行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is damaged: row %2 is past Excel&apos;s last row (%3).</source>
        <translation>%1 已损坏：第 %2 行超出 Excel 的最后一行（%3）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is damaged: row %2 comes after row %3 (rows out of order).</source>
        <translation>%1 已损坏：第 %2 行出现在第 %3 行之后（行顺序错乱）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is damaged: the sheet has a cell outside a row.</source>
        <translation>%1 已损坏：工作表中有不在行内的单元格。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is damaged: &quot;%2&quot; in row %3 is not a cell reference.</source>
        <translation>%1 已损坏：第 %3 行中的“%2”不是单元格引用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged: cell %2 is past Excel&apos;s last column (XFD).</source>
        <translation>%1 已损坏：单元格 %2 超出 Excel 的最后一列（XFD）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is damaged: cell %2 comes after a cell to its right (cells out of order).</source>
        <translation>%1 已损坏：单元格 %2 出现在其右侧单元格之后（单元格顺序错乱）。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cell %1 refers to shared string %2, which the workbook does not have</source>
        <translation>单元格 %1 引用了共享字符串 %2，而工作簿中没有它</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>a cell is longer than %n character(s)</source>
        <translation>
            <numerusform>单元格超过 %n 个字符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::secrets</name>
    <message>
        <location filename="../models/secrets/keychain.cpp" line="+26"/>
        <source>The system keychain has no entry &quot;%1&quot;.</source>
        <translation>系统钥匙串中没有条目“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system keychain is not available (%1). Start a secret service such as GNOME Keyring or KWallet and try again; nothing was saved in plain text.</source>
        <translation>系统钥匙串不可用（%1）。请启动 GNOME Keyring 或 KWallet 等密钥服务后重试；没有以明文保存任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system keychain failed: %1</source>
        <translation>系统钥匙串出错：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The system keychain did not answer in time.</source>
        <translation>系统钥匙串未及时响应。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::ActivityLog</name>
    <message>
        <location filename="../models/storage/activitylog.cpp" line="+41"/>
        <location line="+122"/>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>A deletion record cannot itself be deleted or restored: the log keeps every record.</source>
        <translation>删除记录本身不能被删除或恢复：日志会保留每一条记录。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no %1 with the key %2.</source>
        <translation>不存在键为 %2 的%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/storage/logchainrecord.h" line="+716"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not in the log (it was written outside the app), so its deletion cannot be logged.</source>
        <translation>%1 不在日志中（它是在应用之外写入的），因此无法记录对它的删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is already deleted.</source>
        <translation>%1 已被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not deleted: there is nothing to restore.</source>
        <translation>%1 未被删除：无需恢复。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>&quot;%1&quot; could not be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a Sales Cockpit database.</source>
        <translation>“%1”不是销售驾驶舱数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; has schema version %2, which has no activity log yet. Open it in Sales Cockpit once to upgrade it.</source>
        <translation>“%1”的结构版本为 %2，尚无操作日志。请先在销售驾驶舱中打开一次以完成升级。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The log could not be read.</source>
        <translation>无法读取日志。</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Deleted %1 #%2</source>
        <translation>删除%1 #%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored %1 #%2</source>
        <translation>恢复%1 #%2</translation>
    </message>
    <message>
        <location filename="../models/storage/logchainrecord.h" line="-134"/>
        <location filename="../models/storage/logverify.cpp" line="+191"/>
        <source>SHA-256 is not available.</source>
        <translation>SHA-256 不可用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write the activity log&apos;s links to a temporary file: %1</source>
        <translation>无法把活动日志的链接写入临时文件：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Could not read the activity log&apos;s links back from a temporary file: %1</source>
        <translation>无法从临时文件读回活动日志的链接：%1</translation>
    </message>
    <message>
        <location filename="../models/storage/logchain.cpp" line="+34"/>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stage move</source>
        <translation>阶段推进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deletion record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The log head in the settings is malformed (log_head_seq &quot;%1&quot;, log_head_hash &quot;%2&quot;).</source>
        <translation>设置中的日志头格式错误（log_head_seq“%1”，log_head_hash“%2”）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot log %1: no such record.</source>
        <translation>无法记录 %1：该记录不存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is already in the log (index %2).</source>
        <translation>%1 已在日志中（序号 %2）。</translation>
    </message>
    <message>
        <location filename="../models/storage/logverify.cpp" line="-161"/>
        <source>The log could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Verification was cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Record #%1 (%2) was altered: its content does not match its hash (the record was edited, or records were reordered).</source>
        <translation>记录 #%1（%2）已被篡改：内容与其哈希值不符（记录被编辑，或记录顺序被调整）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record #%1 (%2) is marked deleted, but the log restored it last (record #%3): it was deleted outside the app.</source>
        <translation>记录 #%1（%2）被标记为已删除，但日志中对它的最近一次变更（记录 #%3）是恢复：它是在应用之外被删除的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record #%1 (%2) is marked deleted, but no deletion was logged: it was deleted outside the app.</source>
        <translation>记录 #%1（%2）被标记为已删除，但日志中没有删除记录：它是在应用之外被删除的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record #%1 (%2) is not marked deleted, but the log deleted it last (record #%3): it was restored outside the app.</source>
        <translation>记录 #%1（%2）未被标记为已删除，但日志中对它的最近一次变更（记录 #%3）是删除：它是在应用之外被恢复的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record #%1 (%2) claims an index already taken: records were copied or inserted outside the app.</source>
        <translation>记录 #%1（%2）使用了已被占用的序号：有记录在应用之外被复制或插入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records #%1 to #%2 are missing: they were deleted.</source>
        <translation>记录 #%1 至 #%2 缺失：已被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record #%1 is missing: it was deleted.</source>
        <translation>记录 #%1 缺失：已被删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Records from #%1 on were appended outside the app (%2; the head says the log ends at #%3).</source>
        <translation>自 #%1 起的记录是在应用之外追加的（%2；日志头显示日志止于 #%3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records #%1 to #%2 are missing: the end of the log was cut off (the head says the log has %3 records).</source>
        <translation>记录 #%1 至 #%2 缺失：日志末尾被截掉（日志头显示共有 %3 条记录）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The log head does not match record #%1: the last record or the head was replaced.</source>
        <translation>日志头与记录 #%1 不匹配：最后一条记录或日志头已被替换。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not in the log: it was written outside the app.</source>
        <translation>%1 不在日志中：它是在应用之外写入的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log intact: %1 records verified.</source>
        <translation>日志完整：已校验 %1 条记录。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Record #%1 of the log appears twice (%2).</source>
        <translation>日志记录 #%1 出现了两次（%2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Record #%1 is missing from the log.</source>
        <translation>日志缺少记录 #%1。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Record #%1 of the log (%2) has no valid hash.</source>
        <translation>日志记录 #%1（%2）没有有效的哈希值。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::ConflictRepository</name>
    <message>
        <location filename="../models/items/conflictstore.cpp" line="-18"/>
        <location filename="../models/storage/conflictrepository.cpp" line="+219"/>
        <location line="+181"/>
        <source>This conflict is no longer in the file.</source>
        <translation>此冲突已不在文件中。</translation>
    </message>
    <message>
        <location filename="../models/storage/conflictrepository.cpp" line="-343"/>
        <source>&quot;%1&quot; of %2 is not a date or time: %3</source>
        <translation>%2 的“%1”不是日期或时间：%3</translation>
    </message>
    <message>
        <location line="+166"/>
        <location line="+124"/>
        <source>This conflict has been resolved already.</source>
        <translation>此冲突已经解决。</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>The record is no longer in this file, so your values cannot be written back. Keep the server&apos;s version to close the conflict.</source>
        <translation>该记录已不在此文件中，无法写回你的值。请保留服务器的版本以关闭此冲突。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The conflict has no value of yours for &quot;%1&quot; of %2 that can be written.</source>
        <translation>此冲突中没有可写入的、你对 %2 的“%1”的值。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The record is no longer in this file, so your values cannot be written back.</source>
        <translation>该记录已不在此文件中，无法写回你的值。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This conflict has been resolved another way meanwhile; nothing was changed.</source>
        <translation>此冲突在此期间已用其他方式解决；未做任何更改。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Your values have reached the team server already, so this resolution can no longer be undone. Edit the record to change it again.</source>
        <translation>你的值已经到达团队服务器，因此无法再撤销此处理。如需再次更改，请直接编辑该记录。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::CustomerRepository</name>
    <message>
        <location filename="../models/storage/customerrepository.cpp" line="+41"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Core need</source>
        <translation>核心需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected close cycle</source>
        <translation>预计成交周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Please fill in: %1.</source>
        <translation>请填写：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aliases or industry are too long.</source>
        <translation>别名或行业过长。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::Database</name>
    <message>
        <location filename="../models/storage/database.cpp" line="+56"/>
        <source>Open another file, or create a new demo database.</source>
        <translation>请打开其他文件，或新建演示数据库。</translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="+86"/>
        <source>The database &quot;%1&quot; does not exist. </source>
        <translation>数据库“%1”不存在。 </translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="+258"/>
        <source>Cannot create the folder for &quot;%1&quot;. Choose a folder you can write to.</source>
        <translation>无法为“%1”创建文件夹。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create &quot;%1&quot;: %2. Choose a folder you can write to.</source>
        <translation>无法创建“%1”：%2。请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="+2"/>
        <source>&quot;%1&quot; is empty (0 bytes): it is not a Sales Cockpit database, and it was left untouched. </source>
        <translation>“%1”是空文件（0 字节），不是销售驾驶舱数据库，文件未被改动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is a folder, not a database file. </source>
        <translation>“%1”是文件夹，不是数据库文件。 </translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="+263"/>
        <location filename="../models/storage/databasemessages.cpp" line="+25"/>
        <source>&quot;%1&quot; is not a Sales Cockpit database (not an SQLite file). </source>
        <translation>“%1”不是销售驾驶舱数据库（不是 SQLite 文件）。 </translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="+2"/>
        <source>&quot;%1&quot; is truncated: it is shorter than its header says (%2 bytes). It was left untouched. Restore a backup, or create a new demo database.</source>
        <translation>“%1”已被截断：文件长度小于文件头所声明的长度（%2 字节）。文件未做任何改动。请恢复备份，或新建演示数据库。</translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="-231"/>
        <location line="+66"/>
        <source>&quot;%1&quot; could not be opened. </source>
        <translation>无法打开“%1”。 </translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Could not create a new database in &quot;%1&quot;.</source>
        <translation>无法在“%1”中创建新数据库。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Upgrading &quot;%1&quot; from schema version %2 failed; the file is unchanged and a backup was kept next to it.</source>
        <translation>将“%1”从结构版本 %2 升级失败；文件未做更改，并已在同一位置保留备份。</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>&quot;%1&quot; is damaged and cannot be read. It was left untouched. Restore a backup, or create a new demo database.</source>
        <translation>“%1”已损坏，无法读取。文件未做任何改动。请恢复备份，或新建演示数据库。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is an SQLite database of another program, not a Sales Cockpit database. It was left untouched. </source>
        <translation>“%1”是其他程序的 SQLite 数据库，不是销售驾驶舱数据库。文件未做任何改动。 </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; was written by a newer Sales Cockpit (schema version %2; this version knows up to %3). Update the app, or open another file.</source>
        <translation>“%1”由更新版本的销售驾驶舱写入（结构版本 %2；当前版本最高支持 %3）。请更新应用，或打开其他文件。</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+129"/>
        <source>&quot;%1&quot; is damaged (the integrity check failed). It was left untouched. Restore a backup, or create a new demo database.</source>
        <translation>“%1”已损坏（完整性检查未通过）。文件未做任何改动。请恢复备份，或新建演示数据库。</translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="-25"/>
        <source>&quot;%1&quot; is not a regular file (it is a pipe, socket or device), so it was not opened. </source>
        <translation>“%1”不是普通文件（而是管道、套接字或设备），因此没有打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; cannot be read: permission denied. Ask the file&apos;s owner for access, or open another file.</source>
        <translation>无法读取“%1”：权限不足。请向文件所有者申请访问权限，或打开其他文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is read-only (no write permission), so changes could not be saved; it was left untouched. Copy it to a folder you can write to, or create a new demo database.</source>
        <translation>“%1”是只读的（没有写入权限），无法保存更改；文件未被改动。请把它复制到可写入的文件夹，或新建演示数据库。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder of &quot;%1&quot; is read-only: Sales Cockpit keeps its journal and lock beside the file, so it was left untouched. Copy the file to a folder you can write to.</source>
        <translation>“%1”所在的文件夹是只读的：销售驾驶舱需要在文件旁边保存日志和锁，因此文件未被改动。请把文件复制到可写入的文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is on a read-only disk, so changes could not be saved; it was left untouched. Copy it to a disk you can write to.</source>
        <translation>“%1”位于只读磁盘上，无法保存更改；文件未被改动。请把它复制到可写入的磁盘。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk holding &quot;%1&quot; is full (%2 free): nothing was changed. Free some space, then open it again.</source>
        <translation>“%1”所在的磁盘已满（剩余 %2）：没有做任何改动。请释放一些空间后再打开。</translation>
    </message>
    <message numerus="yes">
        <location line="-57"/>
        <source> It was still in use after waiting %n second(s).</source>
        <translation>
            <numerusform> 等待 %n 秒后仍被占用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="-210"/>
        <source>Upgrading &quot;%1&quot; from schema version %2 stopped at version %3: the next step failed. The file stays at version %3; the original (version %2) was kept next to it as a backup.</source>
        <translation>将“%1”从结构版本 %2 升级时停在了版本 %3：下一步失败。文件保持在版本 %3；原文件（版本 %2）已作为备份保留在同一位置。</translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="+5"/>
        <source>&quot;%1&quot; is in use by another process (process %2 took the lock; it may have passed it to a program it started). Close it, then try again.</source>
        <translation>“%1”正被另一个进程使用（进程 %2 取得了锁，可能已交给它启动的程序）。请关闭后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is already open in another Sales Cockpit window or command (process %2). Switch to that window or let the command finish, then try again.</source>
        <translation>“%1”已在另一个销售驾驶舱窗口或命令中打开（进程 %2）。请切换到那个窗口，或等命令结束后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is in use by another program (%2, process %3). Close it, then try again.</source>
        <translation>“%1”正被另一个程序使用（%2，进程 %3）。请关闭后再试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is open in Sales Cockpit on the computer &quot;%2&quot; (process %3). Close it there. If that computer crashed, the file server releases the lock within a few minutes.</source>
        <translation>“%1”已在计算机“%2”上的销售驾驶舱中打开（进程 %3）。请在那台计算机上关闭。如果那台计算机已崩溃，文件服务器会在几分钟内释放锁。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is in use by another program that could not be named. Close any program that may have it open, then try again.</source>
        <translation>“%1”正被另一个无法识别的程序使用。请关闭可能打开它的程序后再试。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The disk holding &quot;%1&quot; is full: nothing was changed. Free some space, then open it again.</source>
        <translation>“%1”所在的磁盘已满：没有做任何改动。请释放一些空间后再打开。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;%1&quot; could not be locked for writing. </source>
        <translation>无法锁定“%1”以便写入。</translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="+31"/>
        <source>&quot;%1&quot; was written by an older Sales Cockpit (schema version %2) and must be upgraded before it can be read here: open it once in the app (a backup is kept).</source>
        <translation>“%1”由旧版销售驾驶舱写入（架构版本 %2），需要先升级才能在这里读取：请在应用中打开一次（会保留备份）。</translation>
    </message>
    <message>
        <location filename="../models/storage/databasemessages.cpp" line="+21"/>
        <source>The disk holding &quot;%1&quot; is full; the change was not saved. Free some space and try again.</source>
        <translation>“%1”所在的磁盘已满，更改没有保存。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is still being checked (this takes a few seconds after opening); the change was not saved. Try again in a moment.</source>
        <translation>“%1”仍在检查中（打开后需要几秒钟），更改没有保存。请稍后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is damaged and open read-only; the change was not saved. Use File › Save a repaired copy… and open the copy.</source>
        <translation>“%1”已损坏，以只读方式打开，更改没有保存。请使用“文件 › 保存修复副本…”，然后打开副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is open for reading only; the change was not saved.</source>
        <translation>“%1”以只读方式打开，更改没有保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; cannot be written any more (its permissions or its disk changed); the change was not saved.</source>
        <translation>“%1”已无法写入（其权限或所在磁盘发生了变化），更改没有保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is busy with another task; the change was not saved. Try again in a moment.</source>
        <translation>“%1”正忙于其他任务，更改没有保存。请稍后再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is damaged; the change was not saved. Close it and run the check (sales-cockpit check --db FILE).</source>
        <translation>“%1”已损坏，更改没有保存。请关闭后运行检查（sales-cockpit check --db 文件）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing &quot;%1&quot; failed (a disk or file-system error); the change was not saved. Details: %2</source>
        <translation>写入“%1”失败（磁盘或文件系统错误），更改没有保存。详情：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; cannot be written: permission denied; the change was not saved.</source>
        <translation>无法写入“%1”：权限不足，更改没有保存。</translation>
    </message>
    <message>
        <location filename="../models/storage/database.cpp" line="+166"/>
        <source>&quot;%1&quot; is an empty SQLite file, not a Sales Cockpit database; it was left untouched. </source>
        <translation>“%1”是一个空的 SQLite 文件，不是销售驾驶舱数据库；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../models/storage/integrity.cpp" line="+101"/>
        <source>&quot;%1&quot; does not exist.</source>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is a folder, not a database file.</source>
        <translation>“%1”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a regular file (it is a pipe, socket or device).</source>
        <translation>“%1”不是普通文件（而是管道、套接字或设备）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is empty (0 bytes): it is not a Sales Cockpit database.</source>
        <translation>“%1”是空文件（0 字节），不是销售驾驶舱数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; cannot be read: permission denied.</source>
        <translation>无法读取“%1”：权限不足。</translation>
    </message>
    <message>
        <location filename="../models/storage/repair.cpp" line="+100"/>
        <source>&quot;%1&quot; already exists; choose a new file name.</source>
        <translation>“%1”已存在，请另选文件名。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1: %2 rows (some rows could not be read)</source>
        <translation>%1：%2 行（部分行无法读取）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n stage move(s) had their exit actions recomputed.</source>
        <translation>
            <numerusform>已重新计算 %n 条阶段变更的阶段内动作。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n table(s) had unreadable pages; their other rows were copied.</source>
        <translation>
            <numerusform>%n 个表有无法读取的页面，其余行已复制。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every table could be read whole.</source>
        <translation>所有表都完整读取。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Cancelled: no copy was written.</source>
        <translation>已取消：没有写入副本。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No repaired copy could be made: %1</source>
        <translation>无法生成修复副本：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The repaired copy did not pass its own check (%1), so it was not kept.</source>
        <translation>修复副本未通过自身的检查（%1），因此没有保留。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n row(s) refer to rows that were lost (sales-cockpit check lists them).</source>
        <translation>
            <numerusform>%n 行引用了已丢失的行（sales-cockpit check 会列出）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not write &quot;%1&quot;.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <location filename="../models/storage/integrity.cpp" line="+2"/>
        <source>&quot;%1&quot; is not an SQLite file.</source>
        <translation>“%1”不是 SQLite 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is truncated (%2 bytes).</source>
        <translation>“%1”已被截断（%2 字节）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; could not be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; cannot be read without write access to its folder (its write-ahead journal needs a shared-memory file beside it): %2. Copy it to a folder you can write to, or ask its owner to check it.</source>
        <translation>没有所在文件夹的写入权限，无法读取“%1”（其预写日志需要在旁边创建共享内存文件）：%2。请把它复制到可写入的文件夹，或请文件所有者检查它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; could not be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>exit actions could not be compared: %1</source>
        <translation>无法核对阶段内动作：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a Sales Cockpit database.</source>
        <translation>“%1”不是销售驾驶舱数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; has schema version %2, newer than this app knows (%3).</source>
        <translation>“%1”的结构版本为 %2，高于当前应用支持的版本（%3）。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::LeadRepository</name>
    <message>
        <location filename="../models/storage/leadrepository.cpp" line="-209"/>
        <source>&quot;%1&quot; is too long (%2 characters; at most %3).</source>
        <translation>“%1”过长（%2 个字符；最多 %3 个）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The title cannot be empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a valid date: %2</source>
        <translation>“%1”不是有效日期：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The amount must be zero or more.</source>
        <translation>金额不能小于零。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The probability must be between 0 and 100 %.</source>
        <translation>赢率必须介于 0 到 100% 之间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown status &quot;%1&quot;.</source>
        <translation>未知状态“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; cannot be edited.</source>
        <translation>“%1”不可编辑。</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+92"/>
        <source>The lead no longer exists.</source>
        <translation>该线索已不存在。</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>A lost lead needs a lost reason.</source>
        <translation>输单的线索必须填写输单原因。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The lead is lost; reopen it before moving its stage.</source>
        <translation>该线索已输单；请先重新打开，再推进阶段。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>That stage does not belong to the lead&apos;s pipeline.</source>
        <translation>该阶段不属于此线索的销售流程。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lead is already in that stage.</source>
        <translation>该线索已处于此阶段。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The stage gate is not met. Missing: %1.</source>
        <translation>未满足阶段门槛。缺少：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The lead&apos;s earlier stage time cannot be read.</source>
        <translation>无法读取该线索之前进入阶段的时间。</translation>
    </message>
</context>
<context>
    <name>cockpit::storage::PipelineRepository</name>
    <message>
        <location filename="../models/storage/pipelinerepository.cpp" line="+155"/>
        <source>There is no pipeline with the code “%1”.</source>
        <translation>不存在代码为“%1”的销售流程。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A pipeline with the code “%1” already exists.</source>
        <translation>代码为“%1”的销售流程已存在。</translation>
    </message>
</context>
<context>
    <name>cockpit::sync::Server</name>
    <message>
        <location filename="../models/sync/pgconnection.cpp" line="+37"/>
        <source>&quot;%1&quot; is not a server address like postgresql://user@host:5432/database</source>
        <translation>“%1”不是形如 postgresql://user@host:5432/database 的服务器地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the address %1 holds a password; leave it out and give it through PGPASSWORD or ~/.pgpass (or the keychain), so it lands in no history or process list</source>
        <translation>地址 %1 中含有密码；请去掉密码，改用 PGPASSWORD 或 ~/.pgpass（或系统钥匙串）提供，以免它留在命令历史或进程列表中</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the address %1 must name a user and a database: postgresql://user@host:5432/database</source>
        <translation>地址 %1 必须写明用户和数据库：postgresql://user@host:5432/database</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sslmode &quot;%1&quot; in %2 is not one of verify-full, require or disable</source>
        <translation>%2 中的 sslmode“%1”不是 verify-full、require 或 disable 之一</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The server %1 asks for a password and none was given (keychain, PGPASSWORD or ~/.pgpass).</source>
        <translation>服务器 %1 要求密码，但未提供（系统钥匙串、PGPASSWORD 或 ~/.pgpass）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server %1 refused the password for the login %2 (or there is no such login).</source>
        <translation>服务器 %1 拒绝了登录名 %2 的密码（或该登录名不存在）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The TLS certificate of the server at %1:%2 is made out for another host name, so it cannot be trusted to be the server %3 (%4). Connect by the name on the certificate, or have the administrator issue one for %1.</source>
        <translation>%1:%2 上服务器的 TLS 证书签发给了另一个主机名，因此无法确认它就是服务器 %3（%4）。请使用证书上的名称连接，或请管理员为 %1 签发证书。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A secure (TLS) connection to %1 with sslmode %2 failed: %3. verify-full needs the server&apos;s root certificate in ~/.postgresql/root.crt (or PGSSLROOTCERT); require encrypts without checking it; disable is for a server on this computer or a trusted network only.</source>
        <translation>以 sslmode %2 与 %1 建立安全（TLS）连接失败：%3。verify-full 需要服务器的根证书位于 ~/.postgresql/root.crt（或 PGSSLROOTCERT）；require 只加密而不校验证书；disable 仅适用于本机或可信网络上的服务器。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server at %1:%2 has no database &quot;%3&quot;.</source>
        <translation>%1:%2 上的服务器没有数据库“%3”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server %1 does not let the login %2 connect from this computer (no pg_hba.conf entry); ask its administrator.</source>
        <translation>服务器 %1 不允许登录名 %2 从这台电脑连接（pg_hba.conf 中无对应条目）；请联系其管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The login %1 has no right to do this on %2: %3</source>
        <translation>登录名 %1 无权在 %2 上执行此操作：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server %1 refused a link of the activity log: %2</source>
        <translation>服务器 %1 拒绝了活动日志的一个链节：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No PostgreSQL server answers at %1:%2 for %3: %4</source>
        <translation>%1:%2 上没有 PostgreSQL 服务器响应（%3）：%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server %1 reported an error: %2</source>
        <translation>服务器 %1 报告错误：%2</translation>
    </message>
    <message>
        <location filename="../models/sync/servercompanycopy.cpp" line="+108"/>
        <source>Reading the company from %1 failed: %2</source>
        <translation>从 %1 读取公司数据失败：%2</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>Copying %1 to %2 failed: %3</source>
        <translation>将 %1 复制到 %2 失败：%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The company in %1 refers to rows it does not hold: %2</source>
        <translation>%1 中的公司数据引用了其中不存在的行：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The company was copied to %1, but VACUUM (ANALYZE) of %2 failed: %3</source>
        <translation>公司数据已复制到 %1，但对 %2 的清理与统计（VACUUM ANALYZE）失败：%3</translation>
    </message>
    <message>
        <location filename="../models/sync/serverprovisioner.cpp" line="+38"/>
        <source>&quot;%1&quot; cannot be a login: use lower-case letters, digits and _ (not starting with a digit, pg_ or cockpit_), at most 63 characters.</source>
        <translation>“%1”不能用作登录名：请使用小写字母、数字和 _（不以数字、pg_ 或 cockpit_ 开头），最多 63 个字符。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The team server %1 has no user &quot;%2&quot; (give a user&apos;s name or UUID; `server users` lists the logins, the org&apos;s people are in the cockpit&apos;s Team view).</source>
        <translation>团队服务器 %1 上没有用户“%2”（请给出用户的姓名或 UUID；`server users` 列出登录名，组织人员见驾驶舱的团队视图）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 users are called &quot;%2&quot;; give one&apos;s UUID instead: %3</source>
        <translation>有 %1 个用户名为“%2”；请改用其中一人的 UUID：%3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The role %1 on %2 is a superuser or bypasses row-level security: a desktop must never connect as such a role. Choose another login name.</source>
        <translation>%2 上的角色 %1 是超级用户或可绕过行级安全：桌面端绝不能以这样的角色连接。请换一个登录名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>created the login %1</source>
        <translation>已创建登录名 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>allowed %1 to log in</source>
        <translation>已允许 %1 登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>made %1 a member of cockpit_app</source>
        <translation>已将 %1 加入 cockpit_app</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>made %1 a director (every region)</source>
        <translation>已将 %1 设为总监（所有大区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is no longer a director</source>
        <translation>%1 不再是总监</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>set the password of %1</source>
        <translation>已设置 %1 的密码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mapped %1 to %2 (%3)</source>
        <translation>已将 %1 对应到 %2（%3）</translation>
    </message>
    <message>
        <location filename="../models/sync/serverschema.cpp" line="+45"/>
        <source>%1 holds no Sales Cockpit team server (no cockpit schema). Its administrator sets it up with: sales-cockpit server init --server postgresql://ADMIN@%2:%3/%4</source>
        <translation>%1 上没有销售驾驶舱团队服务器（无 cockpit 模式）。其管理员可用以下命令建立：sales-cockpit server init --server postgresql://ADMIN@%2:%3/%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The team server %1 has schema version %2, older than the version %3 this app needs. Its administrator upgrades it with: sales-cockpit server upgrade</source>
        <translation>团队服务器 %1 的模式版本为 %2，低于本应用所需的版本 %3。其管理员可用以下命令升级：sales-cockpit server upgrade</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The team server %1 has schema version %2, newer than the version %3 this app knows. Update Sales Cockpit on this computer.</source>
        <translation>团队服务器 %1 的模式版本为 %2，高于本应用所知的版本 %3。请在这台电脑上更新销售驾驶舱。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is not an administrator of the server: setting up a team server needs a superuser (or a role with BYPASSRLS and CREATEROLE), such as postgres.</source>
        <translation>%1 不是该服务器的管理员：建立团队服务器需要超级用户（或具有 BYPASSRLS 与 CREATEROLE 的角色），例如 postgres。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The team server %1 has schema version %2, newer than the version %3 this build knows; it is left as it is. Use a newer Sales Cockpit to administer it.</source>
        <translation>团队服务器 %1 的模式版本为 %2，高于本版本所知的版本 %3；服务器保持不变。请使用更新的销售驾驶舱来管理它。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (in %2)</source>
        <translation>%1（在 %2 中）</translation>
    </message>
    <message>
        <location filename="../models/sync/syncpullparts.cpp" line="+10"/>
        <source>Writing the pulled rows to the local file failed (%1): %2</source>
        <translation>将拉取的数据写入本地文件失败（%1）：%2</translation>
    </message>
    <message>
        <location filename="../models/sync/pushtables.cpp" line="+44"/>
        <location filename="../models/sync/syncpullparts.cpp" line="+50"/>
        <source>The local file has no table %1: it is older than the server&apos;s schema.</source>
        <translation>本地文件中没有表 %1：它比服务器的架构旧。</translation>
    </message>
    <message>
        <location filename="../models/sync/syncpull.cpp" line="+200"/>
        <source>The connection to the server %1 was lost during the pull (%2). What was pulled so far is kept; the next sync continues from there.</source>
        <translation>拉取过程中与服务器 %1 的连接中断（%2）。已拉取的内容均已保留，下次同步将从中断处继续。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The server %1 has no identity row (cockpit.server_info).</source>
        <translation>服务器 %1 没有身份记录（cockpit.server_info）。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This file holds a company of its own (%1 rows or edits) and has never synced with a server: a team server&apos;s rows go to a new file. Give another file.</source>
        <translation>此文件包含自己的公司数据（%1 行或修改），且从未与服务器同步：团队服务器的数据应放入新文件。请指定另一个文件。</translation>
    </message>
    <message>
        <location filename="../models/sync/pushops.cpp" line="+138"/>
        <source>The login %1 may read this row of %2 but not change it (it belongs to another region, or to the whole company).</source>
        <translation>登录名 %1 可以读取 %2 中的这一行，但不能修改它（它属于其他区域，或属于整个公司）。</translation>
    </message>
    <message>
        <location filename="../models/sync/syncfirstpull.cpp" line="+455"/>
        <source>The local file&apos;s first pull state is damaged (first_pull_horizon %1).</source>
        <translation>本地文件的首次拉取状态已损坏（first_pull_horizon %1）。</translation>
    </message>
    <message>
        <location filename="../models/sync/syncpush.cpp" line="+43"/>
        <source>Recording the pushed edits in the local file failed (%1): %2</source>
        <translation>在本地文件中记录已推送的修改失败（%1）：%2</translation>
    </message>
    <message>
        <location filename="../models/sync/syncservice.cpp" line="+30"/>
        <source>The login &quot;%1&quot; is not a user of the company on %2. Ask the administrator to run: sales-cockpit server add-user --login %1 --user NAME</source>
        <translation>登录名“%1”在 %2 上不对应公司的任何用户。请管理员运行：sales-cockpit server add-user --login %1 --user NAME</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The local copy &quot;%1&quot; could not be opened: %2</source>
        <translation>无法打开本机副本“%1”：%2</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>The local copy is damaged or read-only, so it cannot be synced. Save a repaired copy (File menu) and open that.</source>
        <translation>本机副本已损坏或为只读，无法同步。请保存一份修复后的副本（“文件”菜单）并打开它。</translation>
    </message>
    <message>
        <location filename="../models/sync/syncchain.cpp" line="+32"/>
        <source>The activity log of the local file could not be read: %1</source>
        <translation>无法读取本地文件的操作日志：%1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The activity log of this file ends at record #%1, but the server %2 anchored it up to record #%3: the log was cut since it was anchored. Your data still syncs; restore the file from a backup, or ask the administrator.</source>
        <translation>此文件的操作日志止于记录 #%1，但服务器 %2 已将其锚定至记录 #%3：日志在锚定后被截断。您的数据仍会正常同步；请从备份恢复此文件，或联系管理员。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+48"/>
        <source>The activity log of this file cannot be anchored on %1: %2</source>
        <translation>无法在 %1 上锚定此文件的操作日志：%2</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Record #%1 of this file&apos;s activity log differs from the link the server %2 anchored: the log was rewritten since it was anchored. Your data still syncs; restore the file from a backup, or ask the administrator.</source>
        <translation>此文件操作日志的记录 #%1 与服务器 %2 锚定的链节不同：日志在锚定后被改写。您的数据仍会正常同步；请从备份恢复此文件，或联系管理员。</translation>
    </message>
</context>
<context>
    <name>cockpit::targets</name>
    <message>
        <location filename="../models/targets/bonusdata.cpp" line="+18"/>
        <location filename="../models/targets/targetdata.cpp" line="+208"/>
        <source>Targets are set per month, quarter or year, not for %1.</source>
        <translation>目标按月、季度或年设定，不能用于 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/targets/correlation.cpp" line="+17"/>
        <source>Not enough data: %n rep(s) with both figures; at least 3 are needed.</source>
        <translation>
            <numerusform>数据不足：两项数据都有的销售代表只有 %n 人，至少需要 3 人。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not enough data: every rep has the same value, so no line can be fitted.</source>
        <translation>数据不足：所有销售代表的数值相同，无法拟合直线。</translation>
    </message>
    <message>
        <location filename="../models/targets/customerscores.cpp" line="+60"/>
        <source>purchases %1 × %2 %; trials %3 × %4 %</source>
        <translation>采购 %1 × %2 %；试用 %3 × %4 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; satisfaction %1 × %2 %</source>
        <translation>；满意度 %1 × %2 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; satisfaction left out (no survey), the other weights renormalised</source>
        <translation>；满意度未计入（无调查），其余权重重新归一</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../models/targets/performance.cpp" line="+97"/>
        <source>%1 %2 × %3 %</source>
        <translation>%1 %2 × %3 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; left out (no data): %1, the other weights renormalised</source>
        <translation>；未计入（无数据）：%1，其余权重重新归一</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>value %1; no health data yet</source>
        <translation>价值 %1；尚无健康数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>value %1, health %2; weakest: %3 %4</source>
        <translation>价值 %1，健康 %2；最弱：%3 %4</translation>
    </message>
    <message>
        <location filename="../models/targets/performance.cpp" line="-71"/>
        <source>Collections</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance</source>
        <translation>过程达标</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collections follow-up: payment terms, invoicing and dunning</source>
        <translation>回款跟进：付款条件、开票与催款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value selling and discount discipline</source>
        <translation>价值销售与折扣纪律</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospecting and opening new accounts</source>
        <translation>客户开发与新客户开拓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer care: expectations, response and follow-through</source>
        <translation>客户关怀：预期管理、响应与跟进落实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The standard sales process: the key actions of each stage</source>
        <translation>标准销售流程：各阶段的关键动作</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The weight of %1 must lie between 0 and 100 %, not %2 %.</source>
        <translation>%1 的权重必须在 0 到 100 % 之间，而不是 %2 %。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The performance weights must sum to 100 %; they sum to %1 %.</source>
        <translation>绩效权重之和必须为 100 %；当前之和为 %1 %。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>; left out (no data): %1, the other weights renormalised to 100 %</source>
        <translation>；未计入（无数据）：%1，其余权重重新归一到 100 %</translation>
    </message>
    <message>
        <location filename="../models/targets/rollingforecast.cpp" line="+66"/>
        <source>Not enough data for the capacity gap: no day of the quarter has passed or there is no target.</source>
        <translation>产能缺口数据不足：本季度尚未过去一天，或没有目标。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At the current pace the quarter makes its target with %1 to spare.</source>
        <translation>按当前进度，本季度可完成目标，并超出 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>At the current pace the quarter misses by %1; about %n more reps&apos; worth of pipeline.</source>
        <translation>
            <numerusform>按当前进度，本季度将差 %1；约需再增加 %n 名销售代表的销售流程量。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the current pace the quarter misses by %1.</source>
        <translation>按当前进度，本季度将差 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pace = %1 collected / %2 days elapsed × %3 days = %4; gap = target %5 − pace = %6; per active rep = %4 / %7 reps = %8</source>
        <translation>进度 = 已回款 %1 / 已过 %2 天 × %3 天 = %4；缺口 = 目标 %5 − 进度 = %6；每名在岗销售 = %4 / %7 人 = %8</translation>
    </message>
    <message>
        <location filename="../models/targets/targetmath.cpp" line="+58"/>
        <source>The growth %1 lies outside tier %2&apos;s band of %3 to %4.</source>
        <translation>增长率 %1 超出 %2 档的区间 %3 至 %4。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The external correction %1 lies outside ±%2.</source>
        <translation>外部修正 %1 超出 ±%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An external correction needs a reason.</source>
        <translation>外部修正需要填写原因。</translation>
    </message>
    <message>
        <location filename="../models/targets/targetreports.cpp" line="+41"/>
        <source>Targets, %1</source>
        <translation>目标，%1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Performance, %1</source>
        <translation>绩效，%1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Correlation with the win rate, %1</source>
        <translation>与赢单率的相关性，%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Customer value and health</source>
        <translation>客户价值与健康度</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Bonus range, %1</source>
        <translation>奖金区间，%1</translation>
    </message>
    <message>
        <location filename="../models/targets/targettree.cpp" line="+132"/>
        <location line="+59"/>
        <location line="+108"/>
        <source>There is no such node in the target tree.</source>
        <translation>目标树中没有该节点。</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>A target cannot be negative.</source>
        <translation>目标不能为负数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no sibling to re-balance against: edit %2 instead, or flag the difference.</source>
        <translation>%1 没有可重新平衡的同级节点：请改为编辑 %2，或标记差异。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot exceed %2&apos;s %3 while its siblings are re-balanced.</source>
        <translation>重新平衡同级节点时，%1 不能超过 %2 的 %3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Set %1 to %2</source>
        <translation>将 %1 设为 %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 has units below it: its proposal is their sum, so set the tier, growth and correction of each rep.</source>
        <translation>%1 下面还有单位：它的建议目标是下级之和，请逐个为销售设置等级、增长和修正。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a tier for %1.</source>
        <translation>请为 %1 选择等级。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set the terms of %1 (tier %2, growth %3 %, correction %4 %)</source>
        <translation>设置 %1 的目标条件（等级 %2，增长 %3 %，修正 %4 %）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 has no reps under it to correct.</source>
        <translation>%1 下面没有可修正的销售。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The correction for the reps under %1: %2</source>
        <translation>%1 下属销售的修正：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Correct the %n rep(s) under %1 by %2</source>
        <translation>
            <numerusform>将 %1 下属的 %n 名销售修正 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/targets/moneytiles.cpp" line="+96"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <location line="+18"/>
        <source>deals</source>
        <translation>个商机</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The amount of the deals closed won inside the period, by the deal&apos;s owner.</source>
        <translation>本期内以赢单关闭的商机金额，按商机负责人归属。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>payments</source>
        <translation>笔回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments received (paid on a day inside the period), by the payment&apos;s rep.</source>
        <translation>本期内收到的回款（回款日在本期内），按回款所属销售归属。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open pipeline</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The amount of the deals open at the period&apos;s end (now, while it runs), unweighted; amounts as they stand now.</source>
        <translation>期末（本期进行中则为当前）仍在途的商机金额，未加权；金额取当前值。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n deal(s) valued at the median won amount of their product: this file records an amount only on won deals, so a deal&apos;s own amount would tell its outcome.</source>
        <translation>
            <numerusform>%n 个商机按其产品的赢单金额中位数估值：本文件只在赢单上记录金额，商机自身的金额会泄露其结果。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weighted pipeline</source>
        <translation>加权在途</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each open deal × its explainable win probability (base rate by industry and stage × customer × deal × rep coefficients, learned from the deals closed before), summed.</source>
        <translation>每个在途商机 × 其可解释赢率（行业与阶段基准率 × 客户 × 商机 × 销售系数，由此前已关闭的商机学得）之和。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collected ÷ the unit&apos;s target for the period; ≥ 90 % green, 70–89 % yellow, &lt; 70 % red.</source>
        <translation>回款 ÷ 该组织本期目标；≥ 90 % 绿，70–89 % 黄，&lt; 70 % 红。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets are set per month, quarter or year: pick one of those periods.</source>
        <translation>目标按月、季度或年设定：请选择其中一种周期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target of this unit and period is 0.</source>
        <translation>该组织本期目标为 0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No target set for this unit and period.</source>
        <translation>该组织本期未设定目标。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Open deals of %1 behind the forecast of %2, each won with its win probability</source>
        <translation>%1 支撑 %2 预测的未结商机（各按其赢单概率成交）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Payments received in %1</source>
        <translation>%1 收到的回款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid on</source>
        <translation>回款日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <location line="+16"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+29"/>
        <location line="+16"/>
        <location line="+23"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Deals won in %1</source>
        <translation>%1 赢单的商机</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+16"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Closed on</source>
        <translation>关闭日</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deals open at %1 in %2</source>
        <translation>%2 中截至 %1 在途的商机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Win %</source>
        <translation>赢率 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No money tile &quot;%1&quot;</source>
        <translation>没有名为“%1”的金额卡片</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Money, %1</source>
        <translation>金额，%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tile</source>
        <translation>卡片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Behind it</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../models/targets/targetsfigures.cpp" line="+25"/>
        <source>Targets are set per month: week %1 shows the targets of %2.</source>
        <translation>目标按月设定：%1 周显示 %2 的目标。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets are set per year: %1 shows the targets of %2.</source>
        <translation>目标按年设定：%1 显示 %2 的目标。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets are set per month, quarter or year; %1 is a custom range. Pick a month, quarter or year in the period box above.</source>
        <translation>目标按月、季度或年设定；%1 是自定义区间。请在上方周期框中选择月、季度或年。</translation>
    </message>
    <message>
        <location filename="../models/targets/forecasttile.cpp" line="+18"/>
        <source>Forecast (P50)</source>
        <translation>预测（P50）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The median of %1 simulated outcomes of the period: what is already won, plus each open deal won with its win probability and closing inside the period as its history suggests (the Forecast tab&apos;s figure). Against the unit&apos;s target: ≥ 90 % green, 70–89 % yellow, &lt; 70 % red.</source>
        <translation>本期 %1 次模拟结果的中位数：已成交金额，加上每个未结商机按其赢单概率成交、并按历史规律在本期内关单的金额（与“预测”页的数字相同）。对照本单位目标：≥ 90 % 绿色，70–89 % 黄色，&lt; 70 % 红色。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>open deals in the period</source>
        <translation>个本期未结商机</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>P10–P90 %1–%2, confidence %3 %</source>
        <translation>P10–P90 %1–%2，置信度 %3 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(forecast as of %1, the day after this file&apos;s deals end)</source>
        <translation>（按 %1 预测，即本文件商机数据结束的次日）</translation>
    </message>
    <message>
        <location filename="../models/targets/periodsplit.cpp" line="+67"/>
        <source>Only a quarter&apos;s targets are split into months, and a year&apos;s into quarters.</source>
        <translation>只有季度目标可拆分到月，年度目标可拆分到季度。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not equal the sum of the units below it: make the quarter sum before splitting it into months.</source>
        <translation>%1 不等于其下级单位之和：请先让季度目标加总一致，再拆分到月。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not equal the sum of the units below it: make the year sum before splitting it into quarters.</source>
        <translation>%1 不等于其下级单位之和：请先让年度目标平衡，再拆分到季度。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The parts of %1 have another org tree than %1 itself.</source>
        <translation>%1 的各分期与 %1 本身的组织树不同。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Split %1 into quarters: %2</source>
        <translation>将 %1 拆分到季度：%2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Split %1 into months: %2</source>
        <translation>将 %1 拆分到月：%2</translation>
    </message>
    <message>
        <location filename="../models/targets/correlationview.cpp" line="+47"/>
        <source>Key-action completion (%)</source>
        <translation>关键动作完成率 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer health (0–100)</source>
        <translation>客户健康分 (0–100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-sell (% of won revenue)</source>
        <translation>交叉销售（占赢单收入 %）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collaboration (0–100)</source>
        <translation>协作评分 (0–100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEI (%)</source>
        <translation>过程执行指数 PEI (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response time (median, min)</source>
        <translation>响应时间（中位数，分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customers (count)</source>
        <translation>新客户（个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win rate (%)</source>
        <translation>赢单率 (%)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>n = %1 · R² = %2 · y = %3</source>
        <translation>n = %1 · R² = %2 · y = %3</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n rep(s) left out for a missing value</source>
        <translation>
            <numerusform>%n 名销售因缺少数值未计入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Correlation of %1 and %2, %3</source>
        <translation>%1 与 %2 的相关性，%3</translation>
    </message>
    <message>
        <location filename="../models/targets/targetdata.cpp" line="-7"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>cockpit::targets::TargetRepository</name>
    <message>
        <location filename="../models/targets/targetrepository.cpp" line="+41"/>
        <source>A target is saved as draft or approved, not &quot;%1&quot;.</source>
        <translation>目标只能保存为草稿或已批准，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets are saved per month, quarter or year.</source>
        <translation>目标按月、季度或年保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s target does not equal the sum of the targets below it; re-balance it before approving.</source>
        <translation>%1 的目标不等于其下级目标之和；请先重新平衡再批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1&apos;s target is negative.</source>
        <translation>%1 的目标为负数。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The target of %1 was deleted meanwhile; reload the targets.</source>
        <translation>%1 的目标已在此期间被删除；请重新加载目标。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::AboutDialog</name>
    <message>
        <location filename="../ui/helpdialogs.cpp" line="+50"/>
        <source>Qt %1 (built against %2), %3, %4</source>
        <translation>Qt %1（编译时使用 %2），%3，%4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About Sales Cockpit</source>
        <translation>关于销售驾驶舱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales Cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The whole sales process on one screen.</source>
        <translation>一屏掌握整个销售过程。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: %1</source>
        <translation>构建：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data file in use</source>
        <translation>正在使用的数据文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the data file&apos;s path to the clipboard</source>
        <translation>将数据文件的路径复制到剪贴板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sales Cockpit itself</source>
        <translation>销售驾驶舱本身</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MIT</source>
        <translation>MIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt 6 (user interface, charts, SQL, networking)</source>
        <translation>Qt 6（界面、图表、SQL、网络）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite (the database engine)</source>
        <translation>SQLite（数据库引擎）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>public domain</source>
        <translation>公有领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenSSL 3 (secure connections)</source>
        <translation>OpenSSL 3（安全连接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noto Sans CJK fonts</source>
        <translation>Noto Sans CJK 字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unicode Unihan data (pinyin readings)</source>
        <translation>Unicode Unihan 数据（拼音读音）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unicode License v3</source>
        <translation>Unicode 许可证 v3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ActivityLogPage</name>
    <message>
        <location filename="../ui/activitylogpage.cpp" line="+37"/>
        <location line="+342"/>
        <source>Activity log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="-339"/>
        <source>Every activity and stage move is chained with SHA-256: editing, deleting, reordering or cutting off any record shows when the log is verified.</source>
        <translation>每条活动和阶段推进都以 SHA-256 哈希链相连：任何记录被编辑、删除、调换顺序或截断，都会在校验日志时暴露出来。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute the whole chain and compare it with the stored hashes and the head.</source>
        <translation>重新计算整条哈希链，并与已存储的哈希值和日志头进行比对。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search text, reason, lead or person…</source>
        <translation>搜索内容、原因、线索或人员…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who did it</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead or customer…</source>
        <translation>线索或客户…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>any day</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From this day (your local time)</source>
        <translation>自这一天起（本地时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to and including this day</source>
        <translation>截至并包括这一天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Show older</source>
        <translation>显示更早的记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the next %1 older records</source>
        <translation>再列出 %1 条更早的记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text / reason</source>
        <translation>文本 / 原因</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Activity</source>
        <translation>动作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage move</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete/restore</source>
        <translation>删除/恢复</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Searching the log…</source>
        <translation>正在搜索日志…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 records match; the newest %2 are shown.</source>
        <translation>共 %1 条记录符合条件；显示最新的 %2 条。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n record(s) match.</source>
        <translation>
            <numerusform>%n 条记录符合条件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The log holds %1 records; the newest %2 are shown.</source>
        <translation>日志共有 %1 条记录；显示最新的 %2 条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The log holds %1 records.</source>
        <translation>日志共有 %1 条记录。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Log intact: %1 records verified in %2 s.</source>
        <translation>日志完整：已在 %2 秒内校验 %1 条记录。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::AlertNotifier</name>
    <message>
        <location filename="../ui/alertnotifier.cpp" line="+68"/>
        <source>Sales Cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New alert</source>
        <translation>新预警</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 new alert(s) for you. This desktop has no system tray, so they are shown in the app only (Alerts).</source>
        <translation>您有 %1 条新预警。此桌面没有系统托盘，因此只在应用内（“预警”页）显示。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::AlertsPage</name>
    <message>
        <location filename="../ui/alertspage.cpp" line="+87"/>
        <location line="+178"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Escalate</source>
        <translation>升级(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;solve</source>
        <translation>解决(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate &amp;now</source>
        <translation>立即评估(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I have seen it and take care of it; stops escalation (Ctrl+K)</source>
        <translation>我已知悉并会处理；停止升级 (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it one level up the manager chain now (Ctrl+E)</source>
        <translation>立即沿管理链向上升级一级 (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close it (Ctrl+R)</source>
        <translation>关闭此预警 (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate every rule now (F5)</source>
        <translation>立即评估所有规则 (F5)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only what is new or escalated since this time yesterday (the last 24 hours)</source>
        <translation>只看自昨天此时以来（最近 24 小时）新产生或已升级的预警</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+320"/>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <location line="-319"/>
        <location line="+323"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Select an alert to see its details.</source>
        <translation>选择一条预警以查看详情。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Evaluating alert rules… %1 %</source>
        <translation>正在评估预警规则… %1%</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Evaluating alert rules…</source>
        <translation>正在评估预警规则…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The alert rules could not be evaluated: %1</source>
        <translation>无法评估预警规则：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+134"/>
        <source>%1 (%n reason(s))</source>
        <translation>
            <numerusform>%1（%n 个原因）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Addressed to me</source>
        <translation>发给我的</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Today  %1</source>
        <translation>今日  %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln subject(s)</source>
        <translation>
            <numerusform>%Ln 个对象</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln alert(s)</source>
        <translation>
            <numerusform>%Ln 条预警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%1 · %n reason(s)</source>
        <translation>
            <numerusform>%1 · %n 个原因</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 points: deal %2 + escalation %3 + age %4 + reasons %5</source>
        <translation>%1 分：金额 %2 + 升级 %3 + 时长 %4 + 原因 %5</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::AnalyticsPage</name>
    <message>
        <location filename="../ui/analyticspage.cpp" line="+36"/>
        <source>Computing figures…</source>
        <translation>正在计算指标…</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CalibrationChart</name>
    <message>
        <location filename="../ui/charts/forecastcharts.cpp" line="+189"/>
        <source>Perfect calibration</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learned model</source>
        <translation>学习型模型</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observed</source>
        <translation>实际</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Calibration on %n held-out example(s)</source>
        <translation>
            <numerusform>在 %n 个留出样本上的校准</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each point is one bin of held-out examples (deals closed after the training cut-off, one per stage reached): the model&apos;s mean predicted probability across, the share actually won up. On the dashed diagonal the probabilities mean what they say.</source>
        <translation>每个点是一组留出样本（训练截止日期之后关闭的商机，每个到达的阶段一个样本）：横轴为模型的平均预测概率，纵轴为实际赢单比例。落在虚线对角线上表示概率名副其实。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CockpitPage</name>
    <message>
        <location filename="../ui/cockpitpage.cpp" line="+63"/>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the cockpit report as a PDF (Ctrl+Shift+P)</source>
        <translation>将驾驶舱报告保存为 PDF（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print cockpit report…</source>
        <translation>打印驾驶舱报告(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the cockpit report (Ctrl+P)</source>
        <translation>打印驾驶舱报告（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export figures (CSV)…</source>
        <translation>导出指标（CSV）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the KPI and conversion figures as CSV (Ctrl+Shift+S)</source>
        <translation>将 KPI 和转化率数据导出为 CSV (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open pipeline</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted pipeline</source>
        <translation>加权在途</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forecast (P50)</source>
        <translation>预测（P50）</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+67"/>
        <location line="+129"/>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Pipeline of the funnel and the heat map</source>
        <translation>漏斗和热力图所用的销售流程</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pipe&amp;line:</source>
        <translation>销售流程(&amp;L)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+48"/>
        <source>Stage conversion</source>
        <translation>阶段转化率</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Open alerts</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Double-click or press Enter to open the lead</source>
        <translation>双击或按 Enter 打开线索</translation>
    </message>
    <message>
        <location line="+71"/>
        <location filename="../ui/cockpitreport.cpp" line="+134"/>
        <source>The money figures could not be computed: %1</source>
        <translation>金额指标无法计算：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The forecast could not be computed: %1</source>
        <translation>无法计算预测：%1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>↓ ≥ %1 % (%2 of %3 so far, %4 open)</source>
        <translation>↓ ≥ %1 %（目前 %3 条中 %2 条，%4 条未结）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 leads entered in the period; so far %3 of them reached the next stage (%4 %), %5 are still open in this stage.&lt;br&gt;Maturing: more than a third of these leads are still open here, so the conversion is not final and is never flagged.</source>
        <translation>%1：本周期进入 %2 条线索；目前其中 %3 条已进入下一阶段（%4 %），%5 条仍停留在此阶段。&lt;br&gt;观察期：超过三分之一的线索仍停留在此阶段，转化率尚未定型，不会被标记。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>↓ %1 % (%2 of %3)</source>
        <translation>↓ %1 %（%3 条中 %2 条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The arrow under a bar counts the leads of that bar that later entered the next stage, up to now.</source>
        <translation>柱下的箭头统计该柱中的线索截至目前后来进入下一阶段的数量。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>≥ %1 % (%2 open)</source>
        <translation>≥ %1 %（%2 条未结）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Maturing: %1 of the %2 leads are still open in this stage (more than a third), so the conversion is not final and is never flagged.</source>
        <translation>观察期：%2 条线索中有 %1 条仍停留在此阶段（超过三分之一），转化率尚未定型，不会被标记。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cohort: the leads that entered the transition&apos;s first stage in the period; converted: those of them that later entered the next stage, up to now.</source>
        <translation>同期群：本周期进入该转化起始阶段的线索；已转化：其中截至目前后来进入下一阶段的线索。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>0 %</source>
        <translation>0%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>too few leads</source>
        <translation>线索过少</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below the flag threshold</source>
        <translation>低于标记阈值</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>KPI tiles</source>
        <translation>KPI 指标卡</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Export cockpit report as P&amp;DF…</source>
        <translation>将驾驶舱报告导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>%1 (%2 leads)</source>
        <translation>%1（%2 条线索）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: %2 leads entered in the period</source>
        <translation>%1：本周期进入 %2 条线索</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 leads entered in the period; %3 of them reached the next stage (%4 %)</source>
        <translation>%1：本周期进入 %2 条线索，其中 %3 条进入下一阶段（%4%）</translation>
    </message>
    <message>
        <location filename="../ui/cockpitreport.cpp" line="-3"/>
        <location line="+2"/>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The money figures are still being computed.</source>
        <translation>金额指标仍在计算中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Funnel · %1</source>
        <translation>漏斗 · %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No open alert in this scope.</source>
        <translation>此范围内没有待处理预警。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+10"/>
        <source>Export cockpit report as PDF</source>
        <translation>将驾驶舱报告导出为 PDF</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>Print cockpit report</source>
        <translation>打印驾驶舱报告</translation>
    </message>
    <message>
        <location filename="../ui/cockpitpage.cpp" line="+25"/>
        <source>too few (%1)</source>
        <translation>过少（%1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 · %2&lt;br&gt;%3 of %4 leads converted (%5 %)%6</source>
        <translation>%1 · %2&lt;br&gt;%4 条线索中 %3 条已转化（%5%）%6</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Flagged: below %1 %</source>
        <translation>已标记：低于 %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too few leads to judge (fewer than %1)</source>
        <translation>线索过少，无法判断（少于 %1 条）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>maturing</source>
        <translation>观察期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage conversion by %1 · %2 flagged below %3 %</source>
        <translation>阶段转化率（按%1）· %2 项被标记（低于 %3%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="-88"/>
        <location filename="../ui/cockpitreport.cpp" line="-59"/>
        <source>Open alerts · newest %1 of %2</source>
        <translation>待处理预警 · 最新 %1 条，共 %2 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/cockpitreport.cpp" line="+1"/>
        <source>Open alerts · %1</source>
        <translation>待处理预警 · %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The cockpit could not be computed: %1</source>
        <translation>无法计算驾驶舱数据：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>generated %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <location filename="../ui/cockpitreport.cpp" line="+30"/>
        <location line="+18"/>
        <source>Cockpit</source>
        <translation>驾驶舱</translation>
    </message>
    <message>
        <location filename="../ui/cockpitreport.cpp" line="-39"/>
        <location line="+10"/>
        <source>Nothing computed yet.</source>
        <translation>尚未计算任何数据。</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Sales cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location filename="../ui/cockpitpage.cpp" line="-6"/>
        <location filename="../ui/cockpitreport.cpp" line="+6"/>
        <source>KPI baseline</source>
        <translation>效能基线</translation>
    </message>
    <message>
        <location filename="../ui/cockpitreport.cpp" line="+48"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/cockpitpage.cpp" line="+5"/>
        <location line="+7"/>
        <source>Export figures (CSV)</source>
        <translation>导出指标（CSV）</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ConflictsPage</name>
    <message>
        <location filename="../ui/conflictspage.cpp" line="+35"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edits of yours the team server did not take as they were. Nothing is lost: choose what to keep. Every choice can be undone (Ctrl+Z).</source>
        <translation>团队服务器未按原样接受的你的修改。什么都不会丢失：请选择保留哪些。每个选择都可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No conflicts: every edit reached the server.</source>
        <translation>没有冲突：每项修改都已到达服务器。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+167"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="-167"/>
        <location line="+167"/>
        <source>Server&apos;s</source>
        <translation>服务器的</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>M keeps your value of the selected field, T the server&apos;s, Space switches.</source>
        <translation>按 M 保留所选字段中你的值，按 T 保留服务器的值，按空格键切换。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mer&amp;ge as chosen</source>
        <translation>按所选合并(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep your value of the fields marked &quot;Mine&quot; and the server&apos;s of the others.</source>
        <translation>标为“我的”的字段保留你的值，其余字段保留服务器的值。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keys: M keeps your value of the selected field, T the server&apos;s, Space switches.</source>
        <translation>按键：M 保留所选字段中你的值，T 保留服务器的值，空格键切换。</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n 个未解决的冲突</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The record is no longer in this file (deleted, or moved out of what you may see): only the server&apos;s version can be kept.</source>
        <translation>该记录已不在此文件中（已删除，或已移出你可查看的范围）：只能保留服务器的版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was made on this computer and is not on the team server.</source>
        <translation>它是在这台电脑上新建的，团队服务器上没有。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;theirs</source>
        <translation>保留服务器的(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-create with &amp;mine</source>
        <translation>用我的值重新创建(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the &amp;deletion</source>
        <translation>接受删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send &amp;again</source>
        <translation>再次发送(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard mine</source>
        <translation>放弃我的(&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Discard the new record</source>
        <translation>放弃这条新记录(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove it from this computer (the server never had it); Edit › Undo brings it back.</source>
        <translation>从这台电脑上移除它（服务器从未有过它）；编辑 › 撤销可以恢复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(deleted on the server)</source>
        <translation>（已在服务器上删除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unchanged)</source>
        <translation>（未更改）</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CorrelationChart</name>
    <message>
        <location filename="../ui/charts/correlationchart.cpp" line="+67"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reps</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Least-squares line</source>
        <translation>最小二乘拟合线</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&lt;i&gt;Click to open the rep on the Team screen&lt;/i&gt;</source>
        <translation>&lt;i&gt;单击可在“团队”界面打开该销售&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CorrelationTab</name>
    <message>
        <location filename="../ui/correlationtab.cpp" line="+71"/>
        <source>&amp;X axis:</source>
        <translation>X 轴(&amp;X)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Y axis:</source>
        <translation>Y 轴(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The metric across: a process figure of team health, new customers or the win rate</source>
        <translation>横轴指标：团队健康的过程指标、新客户数或赢单率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The metric up: the win rate (won / closed deals in the period) unless you pick another</source>
        <translation>纵轴指标：默认为赢单率（期内赢单数 / 已关闭商机数），也可选择其他指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export points…</source>
        <translation>导出数据点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export each rep&apos;s two values, the line&apos;s value and whether the rep is in the fit, as an Excel workbook or CSV (Ctrl+E)</source>
        <translation>导出每名销售的两个数值、拟合线上的值以及是否计入拟合，格式为 Excel 工作簿或 CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>n: reps with both values (ranked reps only: those who left or have too little data are never compared). R²: the share of the spread of y that the straight line explains, 0 to 1. The line is the least-squares fit; it shows a relation, not a cause.</source>
        <translation>n：两个数值都有的销售人数（仅限参与排名的销售：已离职或数据过少的销售不参与比较）。R²：直线能解释的 y 值离散程度所占比例，介于 0 与 1 之间。该直线为最小二乘拟合，只表示相关关系，不代表因果关系。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Click a point, or double-click a rep or press Enter on it, to open the rep on the Team screen.</source>
        <translation>单击数据点，或双击列表中的销售（或选中后按 Enter），即可在“团队”界面打开该销售。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the rep</source>
        <translation>打开该销售</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading the reps&apos; figures…</source>
        <translation>正在读取销售的各项指标…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reps&apos; figures could not be read: %1</source>
        <translation>无法读取销售的各项指标：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Left out of the fit: no value for one of the two metrics</source>
        <translation>未计入拟合：两个指标中有一个没有数值</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CustomerDetailPanel</name>
    <message>
        <location filename="../ui/customerdetailpanel.cpp" line="+31"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision-chain role</source>
        <translation>决策链角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open leads</source>
        <translation>进行中的线索</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Part</source>
        <translation>组成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>贡献分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value = 40 % purchases of the last 3 months + 30 % new-product trials of 12 months (both as percentile ranks over all customers) + 30 % satisfaction (mean NPS × 10); without a survey the other two weights renormalise. Health: 8 dimensions, equal weights; &quot;—&quot; = no data, left out and the other weights renormalise. Points = score × weight.</source>
        <translation>价值 = 40 % 近 3 个月采购额 + 30 % 12 个月新品试用（均按全部客户的百分位排名）+ 30 % 满意度（NPS 均值 × 10）；无调研时另两项权重重新归一。健康：8 个维度等权；“—”= 无数据，不计，其余权重重新归一。贡献分 = 得分 × 权重。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each morning, the 3 customers of a rep with the highest priority = 0.6 × value + 0.4 × (100 − health) (no health: 50).</source>
        <translation>每天早上，每位销售优先级最高的 3 个客户：优先级 = 0.6 × 价值 + 0.4 × (100 − 健康)（无健康分按 50）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Computing the scores…</source>
        <translation>正在计算评分…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No scores for this customer yet (it is new, or was not in the file when they were computed).</source>
        <translation>该客户暂无评分（新客户，或计算评分时尚不在文件中）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Value score</source>
        <translation>价值分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Purchases, 3 months</source>
        <translation>  采购额（3 个月）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Trials, 12 months</source>
        <translation>  新品试用（12 个月）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Satisfaction</source>
        <translation>  满意度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Satisfaction: no survey</source>
        <translation>  满意度：无调研</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health score</source>
        <translation>健康分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Morning pick of %1: the 3 customers to call first</source>
        <translation>%1 的晨间推荐：最先联系的 3 个客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No owner: no morning pick.</source>
        <translation>无负责人：没有晨间推荐。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a customer to see contacts and open leads.</source>
        <translation>选择一个客户以查看其联系人和进行中的线索。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Also known as %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner %1 · Source %2 · %3</source>
        <translation>负责人 %1 · 来源 %2 · %3</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::CustomersPage</name>
    <message>
        <location filename="../ui/customerspage.cpp" line="+44"/>
        <location line="+253"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a customer (Ctrl+N)</source>
        <translation>新建客户 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search name, pinyin (bs), initials or alias (bosch)…</source>
        <translation>搜索名称、拼音 (bs)、首字母或别名 (bosch)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The value and health scores could not be computed: %1</source>
        <translation>价值分与健康分无法计算：%1</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Showing the %1 customers of the newest leads, of %2 — loading the rest…</source>
        <translation>显示最新线索涉及的 %1 个客户（共 %2 个）— 正在加载其余客户…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 customers</source>
        <translation>%1 / %2 个客户</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customers are still loading. Export them when all are shown.</source>
        <translation>客户仍在加载中。请在全部显示后再导出。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::DrillDownDialog</name>
    <message>
        <location filename="../ui/drilldowndialog.cpp" line="+23"/>
        <source>Rows behind the figure</source>
        <translation>指标明细</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <location line="+12"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click a row to open the lead.</source>
        <translation>双击某行以打开线索。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the rows…</source>
        <translation>正在读取明细行…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The rows could not be read: %1</source>
        <translation>无法读取明细行：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::Export</name>
    <message>
        <location filename="../ui/exporting.cpp" line="+44"/>
        <source>Could not write the image &quot;%1&quot;.</source>
        <translation>无法写入图片“%1”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+19"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::FanChart</name>
    <message>
        <location filename="../ui/charts/forecastcharts.cpp" line="-116"/>
        <source>P10–P90 band</source>
        <translation>P10–P90 区间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Won (actual)</source>
        <translation>成交（实际）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month target</source>
        <translation>月度目标</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>100 million yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>millions of %1</source>
        <translation>百万 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Won per month: backtest band before, forecast from %1</source>
        <translation>每月成交：此前为回测区间，自 %1 起为预测</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Won per month against target</source>
        <translation>每月成交对比目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past months: what was won, against the P10–P90 band of the forecast made at each month&apos;s start from what was known then (the backtest). This month and the next: the forecast made today; this month&apos;s dot is what is won so far. Dashed: the month&apos;s target.</source>
        <translation>过去各月：实际成交金额，对照每月月初按当时已知数据所做预测的 P10–P90 区间（回测）。本月及之后各月：今天所做的预测；本月的圆点为迄今已成交金额。虚线：月度目标。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::FilterBar</name>
    <message>
        <location filename="../ui/filterbar.cpp" line="+102"/>
        <source>%1 (left)</source>
        <translation>%1（已离职）</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::FirstPullDialog</name>
    <message>
        <location filename="../ui/firstpulldialog.cpp" line="+13"/>
        <source>Connecting to the team server</source>
        <translation>正在连接团队服务器</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping after the rows being saved… What was pulled stays; the next sync continues from there.</source>
        <translation>保存完当前这批数据后停止… 已拉取的数据会保留，下次同步从此处继续。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pulling your data from %1 into a copy on this computer…
%2 rows so far</source>
        <translation>正在从 %1 拉取您的数据到本机副本…
已拉取 %2 行</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::FirstRunWindow</name>
    <message>
        <location filename="../ui/firstrunwindow.cpp" line="+24"/>
        <source>Creating the tables</source>
        <translation>正在创建数据表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the organisation: regions, cities, teams and people</source>
        <translation>正在搭建组织架构：大区、城市、团队和人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventing customers and their contacts</source>
        <translation>正在生成客户及其联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking leads through the pipelines</source>
        <translation>正在让线索走过销售流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing a year of calls, visits, messages and replies</source>
        <translation>正在写入一年的电话、拜访、消息和回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording orders and payments</source>
        <translation>正在记录订单和回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning the weekly must-do tasks</source>
        <translation>正在安排每周必做任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting targets and forecasts</source>
        <translation>正在设定目标和预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening stores and their daily figures</source>
        <translation>正在开设门店并生成每日数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raising a year of alerts</source>
        <translation>正在生成一年的预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealing the tamper-evident activity log</source>
        <translation>正在封存防篡改操作日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the database file</source>
        <translation>正在写入数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the indexes</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimising the database</source>
        <translation>正在优化数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the demo company</source>
        <translation>正在打开演示公司</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>Sales Cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+88"/>
        <source>Preparing the demo company</source>
        <translation>正在准备演示公司</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>A realistic sales organisation generated on this computer: regions, teams and reps, customers and their contacts, a year of leads and activities, stores and targets. Nothing is downloaded and nothing leaves this computer.</source>
        <translation>在本机生成的一家逼真的销售组织：大区、团队和销售、客户及其联系人、一整年的线索和活动、门店和目标。无需下载任何内容，也没有任何数据离开这台电脑。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This happens once and takes a few seconds; the Cockpit opens by itself when the company is ready.</source>
        <translation>这只需进行一次，耗时几秒；公司准备好后驾驶舱会自动打开。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The demo company could not be created</source>
        <translation>无法创建演示公司</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ForecastChartView</name>
    <message>
        <location filename="../ui/charts/forecastcharts.cpp" line="-105"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ForecastTab</name>
    <message>
        <location filename="../ui/forecasttab.cpp" line="+90"/>
        <source>Open deals table…</source>
        <translation>未结商机表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest table…</source>
        <translation>回测表…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the open deals or the backtest as an Excel workbook or CSV (Ctrl+E: the open deals), or a chart as PNG</source>
        <translation>将未结商机或回测导出为 Excel 工作簿或 CSV（Ctrl+E：未结商机），或将图表导出为 PNG</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fan chart as PNG…</source>
        <translation>扇形图导出为 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration plot as PNG…</source>
        <translation>校准图导出为 PNG…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click a deal to open it on the Leads screen. Its factors and their reasons show below the table.</source>
        <translation>双击商机可在“线索”界面中打开。其各项因子及原因显示在表格下方。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>few revisions</source>
        <translation>修订少</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>many</source>
        <translation>多</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No manual revisions of these months.</source>
        <translation>这些月份没有人工修订。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revise forecast…</source>
        <translation>修订预测…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a revised value for this period and unit, with a reason code and a note</source>
        <translation>为本期间和组织记录修订值，附原因代码和说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason codes…</source>
        <translation>原因代码…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the list of reason codes a revision is picked from</source>
        <translation>编辑修订预测时可选的原因代码列表</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Learned model</source>
        <translation>学习型模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions</source>
        <translation>修订</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n manual revision(s) of %1&apos;s forecasts for these months, by reason code and month</source>
        <translation>
            <numerusform>%1 这些月份的预测共有 %n 次人工修订，按原因代码和月份统计</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1, %2: %n revision(s) — %3</source>
        <translation>
            <numerusform>%1，%2：%n 次修订——%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Computing the forecast…</source>
        <translation>正在计算预测…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the deals and rebuilding the backtest (once per version of the file)…</source>
        <translation>正在读取商机并重建回测（文件每个版本只做一次）…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the deals and rebuilding 18 months of forecasts for the backtest — once per version of the file; a few seconds on a large file…</source>
        <translation>正在读取商机并为回测重建 18 个月的预测——文件每个版本只做一次；大文件需要几秒钟…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Confidence: the share of the %1 simulated outcomes that fall within ±20 % of the expected (P50) amount. The range is P10–P90: 8 of 10 simulated outcomes fall inside it.
Each outcome adds what is already won in the period, each open deal won with its win probability and closing in the period %4, and one past period&apos;s new business. The model&apos;s own error: %3 (a month at the very start of the file&apos;s history, with no closed deal or no month of new business behind it, is left out). Seed %2: the same file, scope and seed give the same figures.</source>
        <translation>置信度：%1 次模拟结果中落在预计金额（P50）±20 % 以内的比例。区间为 P10–P90：每 10 次模拟结果中有 8 次落在其中。
每次模拟结果 = 本期已成交金额 + 每个未结商机（按其赢单概率成交，并%4在本期成交）+ 一个以往同长度期间的新增业务。模型自身的误差：%3（文件历史最开始、之前既无已结商机也无一个月新增业务的月份不计入）。随机种子 %2：相同的文件、范围和种子得出相同的数字。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>with the share of past won deals as old as it that closed inside it (this file writes each deal&apos;s expected close date over with the real one when it closes, so the dates deals had before cannot be known, nor how far they slipped: every open deal is timed by its age, today and in the backtest alike)</source>
        <translation>按以往与其存续时长相同的赢单在本期内成交的比例（本文件在商机关闭时用实际日期覆盖预计成交日期，因此无法得知商机此前的预计日期及其延期情况：每个未结商机都按存续时长估计成交时间，当前预测与回测相同）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with the chance its expected close date (moved by the slips of past won deals) falls inside it</source>
        <translation>按其预计成交日期（以以往赢单的延期情况调整）落在本期内的概率</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>This file&apos;s deals end on %1, more than %n day(s) ago: everything here is forecast as of %2, the day after, as if it were then (an imported history&apos;s open deals were open when it was exported, not today).</source>
        <translation>
            <numerusform>本文件的商机数据止于 %1，距今已超过 %n 天：此处一切均按次日 %2 预测，仿佛当时就在那一天（导入的历史数据中的未结商机是在导出时未结，而不是今天）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The period chosen starts after that day: choose one up to %1 to see a forecast of it.</source>
        <translation>所选周期在那一天之后才开始：请选择 %1 及以前的周期查看其预测。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Training the learned win model on %n closed deal(s); its column and evaluation follow in a moment.</source>
        <translation>
            <numerusform>正在用 %n 个已结商机训练学习型赢单模型；其列和评估稍后显示。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trained the learned win model in %1 s (kept until the file changes).</source>
        <translation>已在 %1 秒内训练学习型赢单模型（保留至文件变更）。</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The forecast could not be computed: %1</source>
        <translation>无法计算预测：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected won %1 (confidence %2, range %3–%4)</source>
        <translation>预计成交 %1（置信度 %2，区间 %3–%4）</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%1 · %2 · already won %3 · %n open deal(s) in the period</source>
        <translation>
            <numerusform>%1 · %2 · 已成交 %3 · 本期 %n 个未结商机</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>target %1, probability of reaching it %2</source>
        <translation>目标 %1，达成概率 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no target set for this period and unit</source>
        <translation>本期间和组织未设目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confidence is lower because: %1</source>
        <translation>置信度降低的原因：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This file has no closed deals yet: the learned model and the backtest need won and lost deals, so they are empty, and each deal&apos;s probability is its rep&apos;s own percentage.</source>
        <translation>本文件尚无已关闭的商机：学习型模型和回测需要赢单和输单的商机，因此为空；每个商机的概率为其销售自己填写的百分比。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No backtest: no month before this one had deals to forecast from.</source>
        <translation>无回测：本月之前没有可用于预测的商机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backtest, each month forecast at its start from what was known then: the P10–P90 band held the actual in %1 of %2 months (%3) — an 80 % band should hold about 80 %. Mean accuracy (1 − |actual − P50| ÷ actual): %4.</source>
        <translation>回测（每月月初按当时已知数据预测）：P10–P90 区间在 %2 个月中有 %1 个月包含实际值（%3）——80 % 区间应包含约 80 %。平均准确率（1 − |实际 − P50| ÷ 实际）：%4。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n month(s) left out: nothing to forecast (no open deal, nothing won) or nothing to learn from (no deal closed before it).</source>
        <translation>
            <numerusform>%n 个月未计入：无可预测（无未结商机、无成交）或无可学习（此前没有已结商机）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n open deal(s) of %1: the explainable probability (the product of the factors) beside the learned model&apos;s</source>
        <translation>
            <numerusform>%1 的 %n 个未结商机：可解释概率（各因子之积）与学习型模型的概率并列</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a deal to see each factor and why.</source>
        <translation>选择一个商机以查看各项因子及原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learned model: training on this file&apos;s closed deals…</source>
        <translation>学习型模型：正在用本文件的已结商机训练…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned model: not trained (no closed deals before a cut-off to learn from).</source>
        <translation>学习型模型：未训练（截止日期前没有可供学习的已关闭商机）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No held-out deals</source>
        <translation>无留出检验商机</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Learned model (logistic regression), trained on %1 example(s) from deals closed before %2 and tested on %n later deal(s): AUC %3 · Brier %4 · Brier skill %5 against the stage-rate baseline (Brier %6). The explainable product on the same deals: AUC %7, skill %8.</source>
        <translation>
            <numerusform>学习型模型（逻辑回归），以 %2 之前关闭的商机的 %1 个样本训练，在之后的 %n 个商机上检验：AUC %3 · Brier %4 · 相对阶段赢单率基线（Brier %6）的 Brier 技能分 %5。可解释乘积模型在相同商机上：AUC %7，技能分 %8。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Measured, not claimed: the model never saw the test deals. AUC: the chance a won deal scores above a lost one (0.5 is a coin). Brier: mean squared error of the probability (lower is better). Skill: 1 − Brier ÷ the baseline&apos;s, where the baseline predicts each stage&apos;s past win rate (above 0 beats it).</source>
        <translation>实测而非宣称：模型从未见过检验商机。AUC：赢单商机得分高于输单商机的概率（0.5 相当于抛硬币）。Brier：概率的均方误差（越低越好）。技能分：1 − Brier ÷ 基线的 Brier，基线以各阶段以往的赢单率作为预测（大于 0 即优于基线）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lead %1: %2 % = %3. Learned model: %4.</source>
        <translation>线索 %1：%2 % = %3。学习型模型：%4。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Forecast backtest</source>
        <translation>预测回测</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Win probability of open deals</source>
        <translation>未结商机赢单概率</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::FunnelWidget</name>
    <message>
        <location filename="../ui/charts/funnelwidget.cpp" line="+20"/>
        <source>No lead entered a stage in this period.</source>
        <translation>本周期内没有线索进入任何阶段。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::GaugeWidget</name>
    <message>
        <location filename="../ui/charts/gaugewidget.cpp" line="+25"/>
        <source>%1: %2 % of the target collected</source>
        <translation>%1：已回款目标的 %2 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: no target</source>
        <translation>%1：无目标</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::GuideDialog</name>
    <message>
        <location filename="../ui/helpdialogs.cpp" line="-75"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::HeatmapWidget</name>
    <message>
        <location filename="../ui/charts/heatmapwidget.cpp" line="+20"/>
        <source>No data for this period.</source>
        <translation>本周期无数据。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::Identity</name>
    <message>
        <location filename="../ui/identity.cpp" line="+28"/>
        <source>Sales director</source>
        <translation>销售总监</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regional manager</source>
        <translation>区域经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team lead</source>
        <translation>团队主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presales engineer</source>
        <translation>售前工程师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer success manager</source>
        <translation>客户成功经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing</source>
        <translation>市场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No signed-in user: this file names no current user</source>
        <translation>未登录：此文件未指定当前用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1</source>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed in as %1 · %2</source>
        <translation>当前登录：%1 · %2</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ImportPipelineDialog</name>
    <message>
        <location filename="../ui/importpipelinedialog.cpp" line="+54"/>
        <source>Create a pipeline from the stages</source>
        <translation>用阶段创建销售流程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The leads go into a pipeline made of the stages the file names. Put them in the order a lead goes through them and mark the one won leads end in. Lost is not a stage: a lost lead keeps the stage it was lost in, with the status lost.</source>
        <translation>线索将进入由文件中各阶段组成的销售流程。请按线索经过的顺序排列阶段，并标出赢单线索最终所在的阶段。输单不是一个阶段：输掉的线索停留在输单时所在的阶段，状态为“输单”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new pipeline</source>
        <translation>新的销售流程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its name</source>
        <translation>流程名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new version of</source>
        <translation>新版本，基于</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 (now version %2, %n stage(s))</source>
        <translation>
            <numerusform>%1（当前第 %2 版，%n 个阶段）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create:</source>
        <translation>创建：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leads already in that pipeline stay on the version they are on; the imported leads go into the new version.</source>
        <translation>该流程中已有的线索留在原来的版本；导入的线索进入新版本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows in the file</source>
        <translation>文件中的行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Is</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves out a stage no row of the file is in.</source>
        <translation>去掉文件中没有任何行的阶段。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create and check again</source>
        <translation>创建并重新检查</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>An open stage</source>
        <translation>进行中的阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won: where won leads end</source>
        <translation>赢单：赢单线索的终点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost: the status lost</source>
        <translation>输单：状态为输单</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Give the new pipeline a name.</source>
        <translation>请给新的销售流程起个名字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark one stage as the won one (now %1).</source>
        <translation>请将一个阶段标为赢单阶段（现在有 %1 个）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pipeline needs at least one open stage.</source>
        <translation>销售流程至少需要一个进行中的阶段。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ImportValuesDialog</name>
    <message>
        <location filename="../ui/importvaluesdialog.cpp" line="+40"/>
        <source>Match values</source>
        <translation>匹配取值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These values are not stages of the pipeline or people the company has. Choose what each one is; rows with a value left unmatched stay refused.</source>
        <translation>以下取值既不是销售流程的阶段，也不是公司已有的人员。请为每个取值选择对应项；仍未匹配的行将继续被拒绝。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value in the file</source>
        <translation>文件中的取值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(leave unmatched)</source>
        <translation>（不匹配）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Match and check again</source>
        <translation>匹配并重新检查</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ImportWizard</name>
    <message>
        <location filename="../ui/importwizard.cpp" line="+52"/>
        <location line="+48"/>
        <location line="+518"/>
        <location filename="../ui/importwizardfiles.cpp" line="+158"/>
        <location line="+162"/>
        <location line="+101"/>
        <location line="+26"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-553"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <location line="+431"/>
        <location line="+60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported.

%1</source>
        <translation>未导入任何内容。

%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Import of %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported: %1 rows created, %2 updated, %3 stage moves recorded. Edit › Undo (Ctrl+Z) takes the whole import back.</source>
        <translation>已导入：新建 %1 行，更新 %2 行，记录阶段变更 %3 条。编辑 › 撤销（Ctrl+Z）可整体撤销这次导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/importwizardfiles.cpp" line="-338"/>
        <source>Bring your company&apos;s own spreadsheets in: people and org, products, customers and leads (CSV or Excel). Nothing is written until you press Import, and the whole import can be undone as one step.</source>
        <translation>导入贵公司自己的表格：人员与组织、产品、客户和线索（CSV 或 Excel）。按下“导入”之前不会写入任何内容，整次导入可以一步撤销。</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="+63"/>
        <location filename="../ui/importwizardfiles.cpp" line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/importwizardfiles.cpp" line="-17"/>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertical bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read as</source>
        <translation>读取方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+320"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>A CSV&apos;s encoding: detected from its bytes; choose another when the headers or values look garbled.</source>
        <translation>CSV 文件的编码：根据文件字节自动识别；表头或数值显示为乱码时，请选择其他编码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What separates a CSV&apos;s columns: detected; choose another when the columns are split wrong.</source>
        <translation>CSV 文件中分隔各列的字符：自动识别；列拆分不对时，请选择其他分隔符。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a &amp;mapping…</source>
        <translation>使用映射(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A mapping (JSON) says which column is which field, how values are translated and, for leads, the pipeline; the app ships one for the Maven CRM sample data.</source>
        <translation>映射（JSON）说明哪一列对应哪个字段、取值如何转换，以及线索所用的销售流程；应用自带 Maven CRM 示例数据的映射。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Day first: 3/5/2026 is 3 May</source>
        <translation>日在前：3/5/2026 是 5 月 3 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month first: 3/5/2026 is March 5</source>
        <translation>月在前：3/5/2026 是 3 月 5 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates like 3/5/2026:</source>
        <translation>形如 3/5/2026 的日期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep what is there (skip the row)</source>
        <translation>保留已有数据（跳过该行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the fields the file gives</source>
        <translation>更新文件中给出的字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with the file&apos;s row</source>
        <translation>用文件中的行替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows already in the database:</source>
        <translation>数据库中已有的行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the people, regions, cities and teams the files name that the company does not have yet (listed in the check before anything is written)</source>
        <translation>新建文件中出现而公司尚无的人员、大区、城市和团队（写入前会在检查中列出）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+5"/>
        <source>Use a mapping</source>
        <translation>使用映射</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Not read as it says: %1</source>
        <translation>未能按映射所述读取：%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The character between the columns of %1:</source>
        <translation>%1 中分隔各列的字符：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” cannot separate columns: give one character that is not a letter, a digit or a quote.</source>
        <translation>“%1”不能用来分隔列：请输入一个不是字母、数字或引号的字符。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read as you chose.</source>
        <translation>按您的选择读取。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detected from the file.</source>
        <translation>根据文件自动识别。</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="-24"/>
        <location filename="../ui/importwizardfiles.cpp" line="-310"/>
        <source>Mappings (*.json)</source>
        <translation>映射 (*.json)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Which column is which field? The suggestions come from the headers and the values; a field marked * is needed in every row. A column can feed several fields (+ Field); a field comes from one column only.</source>
        <translation>哪一列是哪个字段？建议来自表头和数据；标 * 的字段每行都必须有。一列可以填多个字段（+ 字段）；一个字段只能来自一列。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Save mapping…</source>
        <translation>保存映射(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The columns, how each file is read and the options, as a mapping (JSON) to use again: “Use a mapping” here, or sales-cockpit import --mapping.</source>
        <translation>将列的对应关系、各文件的读取方式和选项保存为映射（JSON），以便再次使用：在这里点“使用映射”，或用 sales-cockpit import --mapping。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refused rows (nothing of them is written):</source>
        <translation>被拒绝的行（不会写入其中任何内容）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+65"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import the other rows and skip the refused ones</source>
        <translation>导入其余各行，跳过被拒绝的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save refused rows…</source>
        <translation>保存被拒绝的行(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The refused rows as they were, with a reason column: fix them in Excel and import that file again.</source>
        <translation>按原样保存被拒绝的行并附原因列：在 Excel 中修改后再次导入该文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Match values…</source>
        <translation>匹配取值(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage names and people the company does not have: choose what each one is, and the files are checked again.</source>
        <translation>公司没有的阶段名称和人员：为每个取值选择对应项，然后重新检查文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a &amp;pipeline from the stages…</source>
        <translation>用文件中的阶段创建销售流程(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The leads go into a pipeline made of the stages the file names (a new pipeline, or a new version of one the company has); the files are checked again.</source>
        <translation>线索进入由文件中的阶段组成的销售流程（新流程，或公司现有流程的新版本）；随后重新检查文件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Create a pipeline from the stages</source>
        <translation>用阶段创建销售流程</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Save refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>refused rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the column is. A column can feed several fields (+ Field): a manager&apos;s name can also name the team.</source>
        <translation>这一列是什么。一列可以填多个字段（+ 字段）：经理的名字也可以是团队名。</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+111"/>
        <source>Entered stage: %1</source>
        <translation>进入阶段：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” already comes from the column “%2”: a field comes from one column only. Take it off that column first.</source>
        <translation>“%1”已取自列“%2”：一个字段只能来自一列。请先从那一列去掉它。</translation>
    </message>
    <message>
        <location filename="../ui/importwizardfiles.cpp" line="+144"/>
        <source>These files cannot be imported:

%1</source>
        <translation>以下文件无法导入：

%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is a workbook: its sheets are read without an encoding or a delimiter.</source>
        <translation>%1 是工作簿：读取其工作表无需编码或分隔符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be read that way: %2</source>
        <translation>无法按此方式读取 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Mapping “%1”: %2 of its %3 files matched the files listed.</source>
        <translation>映射“%1”：其 %3 个文件中有 %2 个与所列文件匹配。</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="-201"/>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>+ Field</source>
        <translation>+ 字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This column feeds another field too (a manager&apos;s name can also name the team).</source>
        <translation>这一列再填另一个字段（经理的名字也可以是团队名）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (from “%2”)</source>
        <translation>%1（来自“%2”）</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Columns as in your last import of this layout (the same headers): check them, and change any that differ this time.</source>
        <translation>列的对应关系沿用您上次导入此格式（相同表头）时的设置：请核对，如这次有不同请修改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Step 1 of 3 · Files</source>
        <translation>第 1 步，共 3 步 · 文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step 2 of 3 · Columns</source>
        <translation>第 2 步，共 3 步 · 列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step 3 of 3 · Check and import</source>
        <translation>第 3 步，共 3 步 · 检查并导入</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add the files to import first.</source>
        <translation>请先添加要导入的文件。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading and checking the files…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消。未写入任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The files cannot be imported: %1</source>
        <translation>这些文件无法导入：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n row(s) are refused: see why below. Some name stages or people the company does not have: Match values… reads them as ones it has; Create a pipeline from the stages… makes a pipeline of the file&apos;s own stages.</source>
        <translation>
            <numerusform>%n 行被拒绝：原因见下方。其中有些写的是公司没有的阶段或人员：用“匹配取值…”将其读作已有的阶段或人员；或用“用文件中的阶段创建销售流程…”以文件自己的阶段建立销售流程。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n row(s) are refused: see why below. Some name stages or people the company does not have: Match values… reads them as ones it has.</source>
        <translation>
            <numerusform>%n 行被拒绝：原因见下方。其中有些写的是公司没有的阶段或人员：用“匹配取值…”将其读作已有的阶段或人员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) are refused: see why below. Fix them, or import the other rows.</source>
        <translation>
            <numerusform>%n 行被拒绝：原因见下方。请修正，或只导入其余各行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every row can be imported. Nothing has been written yet.</source>
        <translation>所有行都可以导入。尚未写入任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warnings (these rows import):</source>
        <translation>警告（这些行仍会导入）：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The file cannot be written now (it is being checked, or read-only).</source>
        <translation>现在无法写入文件（正在检查，或为只读）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+50"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+1"/>
        <source>Still needed: %1</source>
        <translation>仍需要：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::KpiTileWidget</name>
    <message>
        <location filename="../ui/charts/kpitile.cpp" line="+39"/>
        <source>Value: %1 = %2 %3 / %4 %5</source>
        <translation>数值：%1 = %2 %3 / %4 %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample: %1 %2</source>
        <translation>样本：%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Healthy %1 %2 · industry mean %3 · status: %4</source>
        <translation>健康值 %1 %2 · 行业均值 %3 · 状态：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click or press Enter for the rows behind it.</source>
        <translation>点击或按 Enter 查看明细行。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>healthy %1 %2 · industry %3</source>
        <translation>健康 %1 %2 · 行业 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>n = %1 %2</source>
        <translation>n = %1 %2</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::LeadDetailPanel</name>
    <message>
        <location filename="../ui/leaddetailpanel.cpp" line="+79"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the lead&apos;s fields (Enter on the table)</source>
        <translation>编辑线索字段（在表格中按 Enter）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommend a rep…</source>
        <translation>推荐销售…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The three best reps for this lead, with the reasons (Ctrl+Shift+R)</source>
        <translation>为该线索推荐最合适的三名销售及理由（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Addressed to</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+130"/>
        <source>&lt;b&gt;Touchpoints&lt;/b&gt;</source>
        <translation>&lt;b&gt;触点&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <location line="+57"/>
        <source>Open alerts</source>
        <translation>待处理预警</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Select a lead to see its details.</source>
        <translation>选择一条线索以查看详情。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Owner&lt;/b&gt; %1 · &lt;b&gt;Stage&lt;/b&gt; %2 · &lt;b&gt;Status&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Amount&lt;/b&gt; %4 · &lt;b&gt;Probability&lt;/b&gt; %5 % · &lt;b&gt;Expected close&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;In stage since&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;负责人&lt;/b&gt; %1 · &lt;b&gt;阶段&lt;/b&gt; %2 · &lt;b&gt;状态&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;金额&lt;/b&gt; %4 · &lt;b&gt;赢率&lt;/b&gt; %5% · &lt;b&gt;预计成交&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;进入本阶段时间&lt;/b&gt; %7</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move to %1</source>
        <translation>推进到 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;To move to %1:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;推进到 %1 需要：&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open alerts (%1)</source>
        <translation>待处理预警（%1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;Touchpoints&lt;/b&gt; · %1 – %2</source>
        <translation>&lt;b&gt;触点&lt;/b&gt; · %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;Touchpoints&lt;/b&gt; · %1 – %2 · &lt;b&gt;%n cold zone(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;触点&lt;/b&gt; · %1 – %2 · &lt;b&gt;%n 个冷区&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Touchpoints %1</source>
        <translation>触点 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stage gate not met</source>
        <translation>未满足阶段门槛</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill in the fields…</source>
        <translation>填写字段…</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::LeadEditorDialog</name>
    <message>
        <location filename="../ui/leadeditordialog.cpp" line="+51"/>
        <source>Lead — %1</source>
        <translation>线索 — %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In yuan, e.g. 120000, 12.5万 or ¥1,200.50</source>
        <translation>单位：元，例如 120000、12.5万 或 ¥1,200.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1, the company&apos;s currency, e.g. 120000 or 1,200.50</source>
        <translation>以公司币种 %1 填写，例如 120000 或 1,200.50</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best case</source>
        <translation>乐观</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Omitted</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (left)</source>
        <translation>%1（已离职）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 交付周期长, 质检成本高</source>
        <translation>例如：交付周期长、质检成本高</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Requirement list or meeting minutes (file name or link)</source>
        <translation>需求清单或会议纪要（文件名或链接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requirement-confirmation form signed</source>
        <translation>已签需求确认书</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer seal</source>
        <translation>客户盖章</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Competitor present</source>
        <translation>存在竞争对手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technical validation done</source>
        <translation>已完成技术验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Probability</source>
        <translation>赢率(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpected close</source>
        <translation>预计成交(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lost reason</source>
        <translation>输单原因(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forecast category</source>
        <translation>预测类别(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stage gate fields</source>
        <translation>阶段门槛字段</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demos recorded</source>
        <translation>已记录演示次数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Optional, kept in the stage history</source>
        <translation>选填，将记入阶段历史</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;reason</source>
        <translation>推进原因(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intent letter</source>
        <translation>意向书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Budget range</source>
        <translation>预算区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named contact</source>
        <translation>指定联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next meeting</source>
        <translation>下次会议</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save and move to %1</source>
        <translation>保存并推进到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and move</source>
        <translation>保存并推进</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2 → next: %3</source>
        <translation>%1：%2 → 下一阶段：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No fields are required to leave this stage.</source>
        <translation>离开此阶段无需填写任何字段。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;To move to %1:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;推进到 %1 需要：&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The amount &quot;%1&quot; is not a number of yuan.</source>
        <translation>金额“%1”不是有效的元数。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::LeadsPage</name>
    <message>
        <location filename="../ui/leadspage.cpp" line="+48"/>
        <location line="+230"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Search customer, pinyin (bs), alias (bosch), owner or lead…</source>
        <translation>搜索客户、拼音 (bs)、别名 (bosch)、负责人或线索…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All pipelines</source>
        <translation>全部销售流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Edit lead…</source>
        <translation>编辑线索…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+212"/>
        <source>Move to next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Copy row</source>
        <translation>复制此行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move selected to next stage…</source>
        <translation>将所选推进到下一阶段…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recommend a rep…</source>
        <translation>推荐销售…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reassign to…</source>
        <translation>重新分配给…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auto-assign (round robin)</source>
        <translation>自动分配（轮询）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading leads…</source>
        <translation>正在加载线索…</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Showing the %1 most recently updated of %2 leads — loading the rest…</source>
        <translation>显示最近更新的 %1 条（共 %2 条线索）— 正在加载其余线索…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 leads · %3 in total</source>
        <translation>%1 / %2 条线索 · 合计 %3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The leads are still loading. Export them when all are shown.</source>
        <translation>线索仍在加载中。请在全部显示后再导出。</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Move %n lead(s) to the next stage</source>
        <translation>
            <numerusform>将 %n 条线索推进到下一阶段</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (optional, kept in each lead&apos;s stage history):</source>
        <translation>原因（选填，将记入每条线索的阶段历史）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo (Ctrl+Z) moves them all back.</source>
        <translation>撤销 (Ctrl+Z) 可将它们全部退回。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Auto-assigned %1 of %2 leads.</source>
        <translation>已自动分配 %1 / %2 条线索。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reassigned %1 of %2 leads to %3.</source>
        <translation>已将 %1 / %2 条线索重新分配给 %3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unchanged: %2</source>
        <translation>%1 条未变更：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Z undoes.</source>
        <translation>按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::LongStepProgress</name>
    <message>
        <location filename="../ui/longstepprogress.cpp" line="+35"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling: the import stays as it was…</source>
        <translation>正在取消：导入保持原样…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1
%2 of %3 rows</source>
        <translation>%1
已处理 %2 / %3 行</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+77"/>
        <source>Sales Cockpit</source>
        <translation>销售驾驶舱</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save a repaired copy…</source>
        <translation>保存修复副本…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <location line="+6"/>
        <source>Could not undo or redo</source>
        <translation>无法撤销或重做</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A generated demo company: nothing here is a real customer.</source>
        <translation>自动生成的演示公司：此处没有任何真实客户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who this app acts as: edits, acknowledgements and &quot;Addressed to me&quot; use this user</source>
        <translation>本程序以此身份操作：编辑、确认预警和“发给我的”都使用该用户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is written to a file before its integrity check has passed.</source>
        <translation>文件在通过完整性检查之前不会被写入任何内容。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>&lt;b&gt;This file is damaged&lt;/b&gt; (the integrity check found problems) and is open read-only: nothing is saved and the alert rules do not run. Do not rely on its figures. Save a repaired copy and open that, or restore a backup.</source>
        <translation>&lt;b&gt;此文件已损坏&lt;/b&gt;（完整性检查发现问题），已以只读方式打开：不会保存任何内容，预警规则也不会运行。请不要依赖其中的数字。请保存修复副本并打开它，或恢复备份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read-only: damaged file</source>
        <translation>只读：文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the file… changes wait until it has passed</source>
        <translation>正在检查文件…通过后才能保存更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;demo database…</source>
        <translation>新建演示数据库(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a &amp;repaired copy…</source>
        <translation>保存修复副本(&amp;R)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>C&amp;onflicts</source>
        <translation>冲突(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour-&amp;blind-safe palette</source>
        <translation>色盲友好配色(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charts, lights and store codes in colours that stay distinct for colour-blind readers</source>
        <translation>图表、信号灯和门店健康码使用色盲用户也能清楚区分的颜色</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Welcome card</source>
        <translation>欢迎卡片(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the welcome card of the demo company again</source>
        <translation>再次显示演示公司的欢迎卡片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Sales Cockpit</source>
        <translation>关于销售驾驶舱(&amp;A)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings › Pipelines</source>
        <translation>设置 › 销售流程</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No KPI tile is red for %1: every figure is at least as good as the industry mean. Click any tile for the rows behind it.</source>
        <translation>%1 没有红色指标卡：每项指标都不差于行业均值。点击任意指标卡可查看背后的明细。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Local file: %1</source>
        <translation>本地文件：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 leads · %2 customers</source>
        <translation>%1 条线索 · %2 个客户</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowsync.cpp" line="+27"/>
        <source>This window shows the local copy %1 of the team server&apos;s data.</source>
        <translation>此窗口显示团队服务器数据的本机副本 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::MoneyTileWidget</name>
    <message>
        <location filename="../ui/charts/moneytile.cpp" line="+20"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 collected ÷ %2 target = %3 % (%4)</source>
        <translation>回款 %1 ÷ 目标 %2 = %3 %（%4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exactly %1 over %2 %3</source>
        <translation>精确值 %1，共 %2 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click or press Enter for the rows behind it.</source>
        <translation>点击或按 Enter 查看其明细。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of %1 target · %2</source>
        <translation>目标 %1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 % of the %2 target</source>
        <translation>达目标 %2 的 %1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 % of the open amount</source>
        <translation>占在途金额 %1 %</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::NavRail</name>
    <message>
        <location filename="../ui/navrail.cpp" line="+13"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cockpit</source>
        <translation>驾驶舱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets &amp; Forecast</source>
        <translation>目标与预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::NewCustomerDialog</name>
    <message>
        <location filename="../ui/newcustomerdialog.cpp" line="+29"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 苏州恒瑞精密机械有限公司</source>
        <translation>例如：苏州恒瑞精密机械有限公司</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 138 1234 5678</source>
        <translation>例如：138 1234 5678</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the customer most needs solved</source>
        <translation>客户最需要解决的问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Website form</source>
        <translation>官网表单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trade show</source>
        <translation>展会</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name *</source>
        <translation>名称(&amp;N) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone *</source>
        <translation>电话(&amp;P) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Core need *</source>
        <translation>核心需求(&amp;C) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close &amp;cycle *</source>
        <translation>预计成交周期(&amp;C) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner *</source>
        <translation>负责人(&amp;O) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source *</source>
        <translation>来源(&amp;S) *</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More details (optional)</source>
        <translation>更多信息（选填）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other names, separated by |, e.g. BOSCH|Bosch</source>
        <translation>其他名称，用 | 分隔，例如 BOSCH|Bosch</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(the owner&apos;s city)</source>
        <translation>（负责人所在城市）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Aliases</source>
        <translation>别名(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;ze</source>
        <translation>规模(&amp;Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cit&amp;y</source>
        <translation>城市(&amp;Y)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::PerformanceTab</name>
    <message>
        <location filename="../ui/performancetab.cpp" line="+53"/>
        <source>open</source>
        <translation>在途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&lt;b&gt;Performance ranking&lt;/b&gt; (active reps)</source>
        <translation>&lt;b&gt;绩效排名&lt;/b&gt;（在职销售）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score 0–100 = collections 40 % + gross margin 25 % + new customers 15 % + satisfaction 10 % + compliance 10 %, each dimension scaled over the ranked reps; a dimension without data is left out and the other weights renormalise. Reps who left in the period or were employed on too few working days are listed apart, never ranked.</source>
        <translation>得分 0–100 = 回款 40 % + 毛利 25 % + 新客户 15 % + 满意度 10 % + 过程达标 10 %，各维度在参与排名的销售之间换算；无数据的维度不计，其余权重重新归一。本期离职或在职工作日过少的销售单独列出，不参与排名。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;b&gt;Most improved&lt;/b&gt; (score change from the previous period)</source>
        <translation>&lt;b&gt;进步最大&lt;/b&gt;（较上期的得分变化）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Highest gross margin&lt;/b&gt;</source>
        <translation>&lt;b&gt;毛利最高&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bonus simulator (what-ifs: nothing is saved)</source>
        <translation>奖金模拟器（假设推演：不保存任何内容）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each rep&apos;s bonus range from its target, what it collected and its open deals expected to close in the period. Change a target or mark deals; the ranges and the team total follow.</source>
        <translation>每位销售的奖金区间，依据其目标、已回款以及预计本期成交的在途商机。修改目标或标记商机，区间与团队合计随之更新。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Double-click or press F2 on a target to change it (&quot;82万&quot;, &quot;820000&quot;). Bonus: 0 below 70 % attainment, 50 % of the target bonus at 70 % rising to 100 % at 100 %, 2 points per point above, at most 150 %. Low and high: collected + the deals marked won + the P10 and P90 of %1 simulations of the other open deals, each won with its chance in the period from the forecast (deals marked lost count nothing).</source>
        <translation>双击目标或按 F2 修改（“82万”“820000”）。奖金：达成率低于 70 % 为 0，70 % 时为目标奖金的 50 %，线性升至 100 % 时的 100 %，超出部分每 1 个百分点加 2 个百分点，最高 150 %。低值和高值：已回款 + 标记为赢单的商机 + 其余未结商机 %1 次模拟的 P10 和 P90（每个商机按预测给出的本期赢单概率成交；标记为输单的不计）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open deals expected to close in the period, with their chance of being won inside it (the forecast&apos;s win probability × the chance it closes in the period). Double-click, Space or Enter: open → won → lost → open.</source>
        <translation>预计在本期关单的未结商机，及其在本期内赢单的概率（预测的赢单概率 × 在本期关单的概率）。双击、空格或 Enter：未结 → 赢单 → 输单 → 未结。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the targets and deals of the file</source>
        <translation>恢复为文件中的目标与商机</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Scoring the reps…</source>
        <translation>正在计算销售绩效…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The performance figures could not be computed: %1</source>
        <translation>绩效指标无法计算：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+91"/>
        <location line="+12"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weakest</source>
        <translation>最弱项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Suggested training</source>
        <translation>建议培训</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>left</source>
        <translation>已离职</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>too little data</source>
        <translation>数据过少</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown apart, not ranked: %1</source>
        <translation>单独列出、不参与排名：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1  %2 → %3 (%4)</source>
        <translation>%1  %2 → %3（%4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rep was scored in both periods.</source>
        <translation>没有销售在两期都有得分。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The bonus needs targets, which are set per month, quarter or year: pick one of those periods.</source>
        <translation>奖金需要目标，而目标按月、季度或年设定：请选择其中一种周期。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not an amount: type it like 820000, 82万 or ¥820,000.</source>
        <translation>“%1”不是金额：请输入如 820000、82万 或 ¥820,000。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open deals</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bonus low</source>
        <translation>奖金下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bonus high</source>
        <translation>奖金上限</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chance in period</source>
        <translation>本期赢单概率</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Team bonus: %1 – %2 (%n rep(s))</source>
        <translation>
            <numerusform>团队奖金：%1 – %2（%n 名销售）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::ui::PipelineEditor</name>
    <message>
        <location filename="../ui/pipelineeditor.cpp" line="+67"/>
        <source>New pipeline…</source>
        <translation>新建销售流程…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Pipeline</source>
        <translation>销售流程(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit gate</source>
        <translation>退出门槛</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Standard actions</source>
        <translation>标准动作</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert</source>
        <translation>Insert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closing stage (the deal is won here)</source>
        <translation>成交阶段（在此阶段赢单）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>SLA (time in stage)</source>
        <translation>SLA（阶段停留时限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit gate:
required to leave</source>
        <translation>退出门槛：
离开本阶段的必要条件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move open leads to the new version (matched by stage)</source>
        <translation>将跟进中的线索迁移到新版本（按阶段匹配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked, open leads stay on the version they are on; new leads always start on the newest version.</source>
        <translation>不勾选时，跟进中的线索保留在原版本；新线索始终使用最新版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo change</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New pipeline</source>
        <translation>新建销售流程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new pipeline:</source>
        <translation>新销售流程的名称：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Add a stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the stage up</source>
        <translation>上移阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the stage down</source>
        <translation>下移阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 · %2 (version %3)</source>
        <translation>%1 · %2（版本 %3）</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>No stage selected</source>
        <translation>未选择阶段</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>Stage %1: %2</source>
        <translation>第 %1 阶段：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New stage %1</source>
        <translation>新阶段 %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>First contact</source>
        <translation>初次接触</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new pipeline: add its stages, then Create pipeline.</source>
        <translation>新销售流程：请先添加阶段，再点击“创建销售流程”。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Create pipeline</source>
        <translation>创建销售流程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as version %1</source>
        <translation>另存为版本 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved changes. Leads keep the version they are on; new leads start on version %1.</source>
        <translation>有未保存的更改。现有线索保留原版本；新线索将使用版本 %1。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Saved “%1” as version %2.</source>
        <translation>已将“%1”保存为版本 %2。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n open lead(s) moved to it</source>
        <translation>
            <numerusform>%n 条跟进中的线索已迁移到该版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n stay on older versions (their stage was removed).</source>
        <translation>
            <numerusform>；%n 条保留在旧版本（其所在阶段已被移除）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::ui::PlaceholderPage</name>
    <message>
        <location filename="../ui/placeholderpage.cpp" line="+15"/>
        <source>Not built yet. This screen comes in a later release; until then it shows nothing rather than numbers that are not real.</source>
        <translation>尚未开发。此页面将在后续版本中推出；在此之前不显示任何内容，以免展示不真实的数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What it will show: %1</source>
        <translation>将显示的内容：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::RadarChart</name>
    <message>
        <location filename="../ui/charts/radarchart.cpp" line="+60"/>
        <source>%1 · %2: no data</source>
        <translation>%1 · %2：无数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2: %3 (score %4 of 100)</source>
        <translation>%1 · %2：%3（得分 %4/100）</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ReasonCodesDialog</name>
    <message>
        <location filename="../ui/reasoncodesdialog.cpp" line="+21"/>
        <source>Forecast revision reason codes</source>
        <translation>预测修订原因代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The codes a manager picks from when revising a forecast, in the order offered. Double-click or press F2 to rename one. Revisions already saved keep their code.</source>
        <translation>经理修订预测时可选的原因代码，按列出的顺序提供。双击或按 F2 可重命名。已保存的修订保留其原因代码。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a reason code (Ins)</source>
        <translation>添加原因代码 (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected code from the list (Del)</source>
        <translation>从列表中删除所选代码 (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer it earlier (Alt+Up)</source>
        <translation>排在更前 (Alt+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer it later (Alt+Down)</source>
        <translation>排在更后 (Alt+↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list the product starts with and every code used in this file</source>
        <translation>产品自带的列表，加上本文件中用过的所有代码</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ReassignDialog</name>
    <message>
        <location filename="../ui/reassigndialog.cpp" line="+30"/>
        <source>Reassign leads</source>
        <translation>重新分配线索</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Reassign %n selected lead(s) to:</source>
        <translation>
            <numerusform>将所选的 %n 条线索重新分配给：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search name or pinyin (lq → 李强)…</source>
        <translation>搜索姓名或拼音 (lq → 李强)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Active sales reps only. The load cap does not apply to a rep you choose.</source>
        <translation>仅显示在职销售。手动选择的销售不受负载上限限制。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reassign</source>
        <translation>重新分配</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 · %2 · %3 open</source>
        <translation>%1 · %2 · %3 条跟进中</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::RecommendDialog</name>
    <message>
        <location filename="../ui/recommenddialog.cpp" line="+30"/>
        <source>Recommend a rep</source>
        <translation>推荐销售</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who should take %1?</source>
        <translation>谁来跟进 %1？</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Load cap (open leads per rep):</source>
        <translation>负载上限（每名销售的跟进中线索数）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>saved for this database</source>
        <translation>已为此数据库保存</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Current owner: %1.</source>
        <translation>当前负责人：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choosing among the sales reps of %1; customer industry: %2; budget band: %3.</source>
        <translation>从 %1 的销售中选择；客户行业：%2；预算区间：%3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Auto-assign would choose %1 (round robin among eligible reps).</source>
        <translation>自动分配将选择 %1（在符合条件的销售中轮询）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The lead stays with its owner unless you choose someone below.</source>
        <translation>除非在下方另选他人，否则线索仍由当前负责人跟进。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody else in %1 can take leads.</source>
        <translation>%1 中没有其他人可以接收线索。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assign to %1</source>
        <translation>分配给 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lead assigned to %1 (Ctrl+Z undoes).</source>
        <translation>线索已分配给 %1（按 Ctrl+Z 撤销）。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ReportDocument</name>
    <message numerus="yes">
        <location filename="../ui/reportdocument.cpp" line="+323"/>
        <location line="+56"/>
        <source>… %n more row(s) (see the CSV export)</source>
        <translation>
            <numerusform>… 另有 %n 行（见 CSV 导出）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Could not start the report on this device.</source>
        <translation>无法在此设备上开始生成报告。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not finish the report.</source>
        <translation>无法完成报告。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not write the PDF &quot;%1&quot;.</source>
        <translation>无法写入 PDF“%1”。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::RevisionDialog</name>
    <message>
        <location filename="../ui/revisiondialog.cpp" line="+39"/>
        <source>Revise forecast</source>
        <translation>修订预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2: the forecast is %3 (P10–P90 %4–%5).</source>
        <translation>%1 · %2：预测为 %3（P10–P90 %4–%5）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. 820000 or 82万</source>
        <translation>例如 820000 或 82万</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pick a reason code, or type a new one: it joins the list once a revision uses it.</source>
        <translation>选择一个原因代码，或输入新的代码：一旦有修订使用，它就会加入列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What changed, and what you know that the forecast does not</source>
        <translation>发生了什么变化，以及您掌握而预测未反映的情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revised &amp;value:</source>
        <translation>修订值(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason code:</source>
        <translation>原因代码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A saved revision cannot be changed or deleted: it stays beside the forecast it revises.</source>
        <translation>修订保存后不能更改或删除：它与所修订的预测并列保留。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Revised value: &quot;%1&quot; is not an amount (e.g. 820000, 82万 or ¥820,000).</source>
        <translation>修订值：“%1”不是金额（例如 820000、82万 或 ¥820,000）。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::RulesSettings</name>
    <message>
        <location filename="../ui/rulessettings.cpp" line="+27"/>
        <source>Silence: no activity on an open lead for</source>
        <translation>长期无动态：跟进中的线索无任何活动超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+2"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Duplicate touch: different reps on one customer</source>
        <translation>重复跟进：同一客户被不同销售接触</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> reps</source>
        <translation> 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>… within</source>
        <translation>… 时间范围</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+10"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Compliance: stage changes by one rep on one lead in a day</source>
        <translation>合规：同一销售一天内对同一线索变更阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> changes</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance: quote versions to one customer</source>
        <translation>合规：向同一客户发送报价版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> versions</source>
        <translation> 个版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate an unacknowledged alert after</source>
        <translation>预警未确认时升级，时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compliance rules look back</source>
        <translation>合规规则回溯</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Thresholds of the alert rules and of lead assignment, saved in this database. Stage SLAs and the marketing hand-over SLA are set per pipeline, under Pipelines.</source>
        <translation>预警规则与线索分配的阈值，保存在本数据库中。阶段 SLA 与市场交接 SLA 按销售流程设置，见“销售流程”页。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lead assignment</source>
        <translation>线索分配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> open leads</source>
        <translation> 条跟进中线索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load cap: a rep takes new leads only below</source>
        <translation>负载上限：销售的跟进中线索低于此数才接收新线索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. The alert rules are evaluated again with these thresholds.</source>
        <translation>已保存。预警规则将按这些阈值重新评估。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ScopeBar</name>
    <message>
        <location filename="../ui/scopebar.cpp" line="+24"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year to date</source>
        <translation>年初至今</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous period (Alt+Left)</source>
        <translation>上一周期 (Alt+Left)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next period (Alt+Right)</source>
        <translation>下一周期 (Alt+Right)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Org: whole company, a region, a city or a team</source>
        <translation>组织：全公司、大区、城市或团队</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Org:</source>
        <translation>组织(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+13"/>
        <source>Whole company</source>
        <translation>全公司</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::SettingsPage</name>
    <message>
        <location filename="../ui/settingspage.cpp" line="+32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new language applies when Sales Cockpit restarts.</source>
        <translation>新语言将在销售驾驶舱重启后生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new demo database…</source>
        <translation>新建演示数据库…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pipelines</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alert delivery</source>
        <translation>预警推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write-ahead log</source>
        <translation>预写日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollback journal</source>
        <translation>回滚日志</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>extra</source>
        <translation>加强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe writes: %1</source>
        <translation>安全写入：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Links between records checked</source>
        <translation>检查记录之间的关联</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waits up to %1 s when the file is busy</source>
        <translation>文件被占用时最多等待 %1 秒</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No database is open.</source>
        <translation>未打开数据库。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: %1
Schema version: %2
Storage: %3
Data: %4</source>
        <translation>文件：%1
结构版本：%2
存储：%3
数据：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>demo company (generated)</source>
        <translation>演示公司（自动生成）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your own data</source>
        <translation>您自己的数据</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+57"/>
        <source>Main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every shortcut of this window, read from the window itself. Most of them work on the screen they are listed under.</source>
        <translation>本窗口的全部快捷键，直接读取自窗口本身。多数快捷键在其所列的页面上生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter shortcuts…</source>
        <translation>筛选快捷键…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::StoreGridModel</name>
    <message>
        <location filename="../ui/storegrid.cpp" line="+24"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>crossing it once is red</source>
        <translation>跌破一次即为红色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>red after %1 days running (orange before)</source>
        <translation>连续 %1 天后为红色（此前为橙色）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receptions per staff on duty: target ≥ %1, red line &lt; %2; %3.</source>
        <translation>在岗人均接待组数：目标 ≥ %1，红线 &lt; %2；%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main-product exposure: target ≥ %1 %, red line &lt; %2 %; %3.</source>
        <translation>主推品曝光率：目标 ≥ %1%，红线 &lt; %2%；%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average dwell: target ≥ %1 min, red line &lt; %2 min; %3.</source>
        <translation>平均停留时长：目标 ≥ %1 分钟，红线 &lt; %2 分钟；%3。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deals within 72 h / experiences: target ≥ %1 %; red line: experiences with no deal within 72 h that day; %2.</source>
        <translation>72 小时内成交 / 体验人数：目标 ≥ %1%；红线：当天有体验后 72 小时内未成交的情况；%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 receptions / %2 staff</source>
        <translation>接待 %1 组 / 在岗 %2 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 basis points</source>
        <translation>%1 个基点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 deals / %2 experiences</source>
        <translation>成交 %1 / 体验 %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>G</source>
        <comment>green</comment>
        <translation>绿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y</source>
        <comment>yellow</comment>
        <translation>黄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O</source>
        <comment>orange</comment>
        <translation>橙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R</source>
        <comment>red</comment>
        <translation>红</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+31"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>No data that day.</source>
        <translation>当天无数据。</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%1: worst of the four dimensions on %2; red on %n of the last 30 days.</source>
        <translation>
            <numerusform>%1：%2 四个维度中最差的一项；近 30 天中有 %n 天为红色。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>red on %n of the last 30 days</source>
        <translation>
            <numerusform>近 30 天中有 %n 天为红色</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region · city</source>
        <translation>大区 · 城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff 人效</source>
        <translation>人效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure 货效</source>
        <translation>货效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dwell 场效</source>
        <translation>场效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv. 转化</source>
        <translation>转化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Green = meets the target, yellow = below it, orange = below the red line, red = below it for the rule&apos;s days. Thresholds and day counts are settings (stores.*).</source>
        <translation>
绿色 = 达到目标，黄色 = 低于目标，橙色 = 低于红线，红色 = 低于红线的天数达到规则要求。阈值和天数均可在设置中调整 (stores.*)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A store&apos;s code is its worst dimension; grey = no data on the judged day.</source>
        <translation>门店的健康码取其最差的维度；灰色 = 判定日无数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s code on each of the 30 days up to the judged day, oldest left.</source>
        <translation>截至判定日的 30 天内该门店每天的健康码，最早的在最左侧。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::StoresPage</name>
    <message>
        <location filename="../ui/storespage.cpp" line="+42"/>
        <source>&amp;Region:</source>
        <translation>大区(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+153"/>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>C&amp;olour:</source>
        <translation>颜色(&amp;O)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import store days…</source>
        <translation>导入门店日数据…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import store-day metrics from CSV or XLSX (Ctrl+I)</source>
        <translation>从 CSV 或 XLSX 导入门店日数据（Ctrl+I）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the grid as PNG (Ctrl+Shift+P)</source>
        <translation>将表格导出为 PNG (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the stores as filtered and sorted, with every figure behind the grid, as an Excel workbook or CSV (Ctrl+E)</source>
        <translation>按当前筛选和排序导出门店及网格背后的全部数据，格式为 Excel 工作簿或 CSV（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open the store days</source>
        <translation>打开门店日数据</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Computing store health codes…</source>
        <translation>正在计算门店健康码…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+46"/>
        <source>No store data in %1.</source>
        <translation>%1 无门店数据。</translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <source>%n store(s), judged on %1</source>
        <translation>
            <numerusform>%n 家门店，判定日 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n store(s) on %1:</source>
        <translation>
            <numerusform>%1 共 %n 家门店：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not compute the store codes: %1</source>
        <translation>无法计算门店健康码：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a store to see what to do about its orange and red dimensions. Double-click or Enter opens its store days.</source>
        <translation>选择一家门店，查看其橙色和红色维度的处理建议。双击或按 Enter 打开该门店的门店日数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Code:</source>
        <translation>健康码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On %1: %2 staff, %3 receptions, %4 experiences, %5 deals within 72 h.</source>
        <translation>%1：在岗 %2 人，接待 %3 组，体验 %4 人，72 小时内成交 %5 单。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Red on %n of the last 30 days.</source>
        <translation>
            <numerusform>近 30 天中有 %n 天为红色。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nearby high-performing store:</source>
        <translation>附近标杆门店：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No data on the judged day.</source>
        <translation>判定日无数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No dimension below its red line: nothing to push.</source>
        <translation>没有低于红线的维度：无需推送措施。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Store days</source>
        <translation>门店日数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Store codes</source>
        <translation>门店健康码</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import store days</source>
        <translation>导入门店日数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::SyncStatusLabel</name>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="+32"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not syncing: %1</source>
        <translation>未同步：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced %1</source>
        <translation>已同步（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 edit waiting</source>
        <translation>1 项修改待发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 edits waiting</source>
        <translation>%1 项修改待发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 conflict</source>
        <translation>1 个冲突</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 conflicts</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changes held back on the server</source>
        <translation>服务器上有修改被挂起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>activity log refused by the server</source>
        <translation>操作日志被服务器拒绝</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Team server %1 · not synced yet</source>
        <translation>团队服务器 %1 · 尚未同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team server %1 · last sync %2</source>
        <translation>团队服务器 %1 · 上次同步 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The team server cannot be reached; your edits are kept on this computer and sent when it can. %1</source>
        <translation>无法连接团队服务器；您的修改保存在本机，可连接时再发送。%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A transaction left open on the server holds newer changes back; ask the administrator to end it.</source>
        <translation>服务器上一个未结束的事务挂起了较新的修改；请联系管理员结束该事务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncs in the background; File › Sync now (F9) syncs at once.</source>
        <translation>在后台同步；“文件 › 立即同步”（F9）可马上同步。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TableExport</name>
    <message>
        <location filename="../ui/tableexport.cpp" line="+203"/>
        <location line="+210"/>
        <source>There is no table to export.</source>
        <translation>没有可导出的表格。</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>The table changed while it was being exported, so %1 was not written. Export it again.</source>
        <translation>导出过程中表格发生了变化，因此未写入 %1。请重新导出。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+11"/>
        <location line="+25"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Exporting %n row(s)…</source>
        <translation>
            <numerusform>正在导出 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the rows as filtered and sorted, with the columns shown, as an Excel workbook or CSV (%1)</source>
        <translation>按当前筛选和排序、以显示的列导出各行，格式为 Excel 工作簿或 CSV（%1）</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TargetForecastChart</name>
    <message>
        <location filename="../ui/charts/targetforecastchart.cpp" line="+44"/>
        <source>No forecast for %1</source>
        <translation>%1 无预测</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>¥ thousand</source>
        <translation>千元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>¥100M (亿)</source>
        <translation>亿元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>¥10k (万)</source>
        <translation>万元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>¥ million</source>
        <translation>百万元</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Month target</source>
        <translation>月度目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Collected</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forecast (WMA)</source>
        <translation>预测（加权移动平均）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Outlier, smoothed</source>
        <translation>异常值（已平滑）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: 6-month forecast %2, targets %3</source>
        <translation>%1：未来 6 个月预测 %2，目标 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each month&apos;s forecast is the weighted moving average of the 6 months before it, weights 1, 2, 3, 4, 5, 6 (÷ 21), the newest heaviest; a forecast month joins the window for the month after.</source>
        <translation>每月预测为其前 6 个月的加权移动平均，权重 1、2、3、4、5、6（÷ 21），越近的月份权重越大；预测月份会进入下一个月的计算窗口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outliers: a month outside the median ± 3 × MAD (median absolute deviation) of the window is clipped to that bound first.</source>
        <translation>异常值：窗口内超出中位数 ± 3 × MAD（中位数绝对偏差）的月份，先截断到该边界。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: collected %2, counted as %3</source>
        <translation>%1：回款 %2，按 %3 计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No month of this history is an outlier.</source>
        <translation>历史中没有异常月份。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TargetTermsDialog</name>
    <message>
        <location filename="../ui/targettermsdialog.cpp" line="+51"/>
        <source>Target terms of %1</source>
        <translation>%1 的目标条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2. The proposal is the base × (1 + growth + correction); the base is %3, the collections of %4%5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2。建议目标 = 基数 ×（1 + 增长 + 修正）；基数为 %3，即 %4 的回款%5。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> scaled to the period&apos;s length</source>
        <translation>（按期间长度折算）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (growth %2–%3)</source>
        <translation>%1（增长 %2–%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By trailing-12-month collections (%1) this unit ranks %2.</source>
        <translation>按近 12 个月回款（%1），该单位排在 %2 级。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Growth over the base, inside the tier&apos;s band</source>
        <translation>相对基数的增长，须在该等级的区间内</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An external correction (a market change the tiers cannot see), within ±%1; it needs a reason</source>
        <translation>外部修正（等级看不到的市场变化），在 ±%1 以内；须填写原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why the correction, e.g. 新品上市 or a key customer&apos;s budget freeze</source>
        <translation>修正原因，例如：新品上市、重点客户预算冻结</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set the target to this proposal</source>
        <translation>将目标设为此建议值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the targets to these proposals</source>
        <translation>将目标设为这些建议值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unchecked, only the corrections are saved and the targets stay as they are</source>
        <translation>不勾选时只保存修正，目标保持不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchecked, only the terms are saved and the target stays as it is</source>
        <translation>不勾选时只保存条件，目标金额保持不变</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>&amp;Tier:</source>
        <translation>等级(&amp;T)：</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Correction for every rep under %1</source>
        <translation>%1 下属全部销售的修正</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2: one external correction for each of its %n rep(s); their tiers and growths stay their own. Each rep&apos;s proposal is its base × (1 + growth + correction), %1&apos;s the sum of theirs.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;，%2：为其 %n 名销售设置同一外部修正；各人的等级和增长保持不变。每名销售的建议目标为其基数 × (1 + 增长 + 修正)，%1 的建议目标为他们之和。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Their corrections differ now: this sets one for all.</source>
        <translation> 他们目前的修正各不相同：此处为所有人设置同一修正。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Growth:</source>
        <translation>增长(&amp;G)：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Correction:</source>
        <translation>修正(&amp;C)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Correction for every rep under «%1»:</source>
        <translation>«%1» 下全部销售的修正(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>Proposal of %1: %2 → &lt;b&gt;%3&lt;/b&gt;, the sum of its %n rep(s)&apos; proposals; the target is %4 now.</source>
        <translation>
            <numerusform>%1 的建议目标：%2 → &lt;b&gt;%3&lt;/b&gt;，为其 %n 名销售建议目标之和；当前目标为 %4。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposal: %1 × (1 + %2 + %3) = &lt;b&gt;%4&lt;/b&gt;; the target is %5 now.</source>
        <translation>建议目标：%1 ×（1 + %2 + %3）= &lt;b&gt;%4&lt;/b&gt;；当前目标为 %5。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TargetTreeModel</name>
    <message>
        <location filename="../ui/targettreemodel.cpp" line="+104"/>
        <source>Org unit</source>
        <translation>组织单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth</source>
        <translation>增长率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>修正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>建议目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sums</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The target of the period; double-click or F2 to edit (e.g. 820000 or 82万)</source>
        <translation>本期目标；双击或按 F2 编辑（如 820000 或 82万）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A/B/C by trailing-12-month collections: top 20 %, middle 50 %, bottom 30 % of the level</source>
        <translation>按近 12 个月回款分 A/B/C：同级前 20 %、中间 50 %、后 30 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth over the base (A 8–12 %, B 12–18 %, C 18–25 %); F4 sets a rep&apos;s tier, growth and correction</source>
        <translation>相对基数的增长（A 8–12 %，B 12–18 %，C 18–25 %）；按 F4 设置销售的等级、增长和修正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base × (1 + growth + correction); the base is last year&apos;s collections of the same period when the file covers it; parents sum their children</source>
        <translation>基数 ×（1 + 增长 + 修正）；数据覆盖去年同期时，基数为去年同期回款；上级为下级之和</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Base: collections of the same period last year (%1): %2</source>
        <translation>基数：去年同期（%1）回款：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base: collections of %1, the latest complete months before the period (the file&apos;s collections begin too late to cover the same period last year)</source>
        <translation>基数：%1 的回款，即该期间之前最近的完整月份（本文件的回款记录开始得太晚，覆盖不到去年同期）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, scaled × %1 / %2 to the period&apos;s length: %3</source>
        <translation>，按期间长度折算 × %1 / %2：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No collections in the base: the proposal is 0</source>
        <translation>基数期间没有回款：建议目标为 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 × (1 + %2 growth + %3 correction) = %4</source>
        <translation>%1 ×（1 + 增长 %2 + 修正 %3）= %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sum of the units below: %1 (%2 over the base)</source>
        <translation>下级单位之和：%1（较基数 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier %1 as saved; trailing 12 months (%2) rank it %3</source>
        <translation>已保存的等级为 %1；按近 12 个月（%2）应为 %3 级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trailing 12 months: %1</source>
        <translation>近 12 个月：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Payments received in the period up to today</source>
        <translation>本期截至今日收到的回款</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>External correction within ±5 %, with a reason; F4 sets a rep&apos;s, or one for every rep under a unit</source>
        <translation>外部修正，±5 % 以内，须附原因；按 F4 设置单个销售的修正，或为某单位下全部销售设置同一修正</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collected / target: ≥ 90 % green, 70–89 % yellow, &lt; 70 % red</source>
        <translation>已回款 / 目标：≥ 90 % 绿色，70–89 % 黄色，&lt; 70 % 红色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the target equals the sum of the targets below it</source>
        <translation>目标是否等于下级目标之和</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>⚠ differs</source>
        <translation>⚠ 不一致</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: no target saved for this period yet</source>
        <translation>%1：本期尚未保存目标</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Mixed corrections among its %n rep(s); F4 sets one for all</source>
        <translation>
            <numerusform>其 %n 名销售的修正不一；按 F4 为所有人设置同一修正</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No correction for any of its %n rep(s); F4 sets one for all</source>
        <translation>
            <numerusform>其 %n 名销售均无修正；按 F4 为所有人设置同一修正</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 for all %n rep(s): %2</source>
        <translation>
            <numerusform>全部 %n 名销售均为 %1：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 collected of %2</source>
        <translation>已回款 %1 / 目标 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The targets below add up to this one</source>
        <translation>下级目标之和等于本目标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The targets below add up to %1, not %2: edit this target to redistribute it, or re-balance a child</source>
        <translation>下级目标之和为 %1，而非 %2：编辑本目标以重新分配，或对某个下级重新平衡</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TargetsForecastPage</name>
    <message>
        <location filename="../ui/targetsforecastpage.cpp" line="+30"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance</source>
        <translation>绩效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TargetsTab</name>
    <message>
        <location filename="../ui/targetstab.cpp" line="+63"/>
        <source>When a child&apos;s target is edited:</source>
        <translation>编辑下级目标时：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-balance its siblings</source>
        <translation>重新平衡同级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag the parent</source>
        <translation>标记上级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editing a parent always redistributes it to the units below in proportion to their targets. Editing a child either gives its siblings the rest of the parent&apos;s target, or keeps the parent and flags that the sums differ.</source>
        <translation>编辑上级目标时，总是按下级目标比例重新分配。编辑下级目标时，要么把上级目标的剩余部分分给同级，要么保持上级不变并标记合计不一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adopt proposal</source>
        <translation>采用建议目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected unit takes its proposed target, and the units below it theirs (Ctrl+Shift+A)</source>
        <translation>所选单元采用其建议目标，其下级也采用各自的建议目标（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terms…</source>
        <translation>目标条件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve the targets of this period: every unit must equal the sum of the units below it (Ctrl+Shift+Return; Ctrl+Z undoes it). An edit afterwards makes them a draft again.</source>
        <translation>批准本期目标：每个单位都必须等于其下级单位之和（Ctrl+Shift+Return；Ctrl+Z 撤销）。之后再修改会使其重新成为草稿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/targetstabedit.cpp" line="+208"/>
        <source>Split into months</source>
        <translation>拆分到月</translation>
    </message>
    <message>
        <location filename="../ui/targetstabedit.cpp" line="+5"/>
        <source>Save this quarter&apos;s targets down to its three months: each rep&apos;s quarter shared by what it collected in the same months last year (thirds when nothing), the units above as sums (Ctrl+Shift+M; Ctrl+Z undoes it)</source>
        <translation>将本季度目标保存到其三个月：每位销售的季度目标按其去年同期各月回款比例分配（去年无回款则三等分），上级单位为下级之和（Ctrl+Shift+M；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../ui/targetstab.cpp" line="-7"/>
        <source>Set the selected rep&apos;s tier, growth and external correction with its reason, and the target they propose; on a region or city, one correction for every rep under it (F4; Ctrl+Z undoes it)</source>
        <translation>设置所选销售的等级、增长和外部修正（附原因），以及由此得出的目标；选中大区或城市时，为其下每名销售设置同一修正（F4；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the targets of the units shown, with every figure behind them, as an Excel workbook or CSV (Ctrl+E)</source>
        <translation>将所显示单元的目标及其全部数据导出为 Excel 工作簿或 CSV（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Charts PNG…</source>
        <translation>图表 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the gauges or the forecast chart as a PNG image</source>
        <translation>将仪表盘或预测图保存为 PNG 图片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gauges as PNG…</source>
        <translation>仪表盘另存为 PNG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast chart as PNG…</source>
        <translation>预测图另存为 PNG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rolling forecast</source>
        <translation>滚动预测</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Double-click a target or press F2 to edit it, e.g. 820000 or 82万</source>
        <translation>双击目标或按 F2 编辑，如 820000 或 82万</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Computing targets…</source>
        <translation>正在计算目标…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 has no targets in this tree (no rep of it is employed in %2).</source>
        <translation>%1 在此目标树中没有目标（%2 期间无在职销售）。</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1, %2 (days left: %3): %4</source>
        <translation>%1，%2（剩余 %3 天）：%4</translation>
    </message>
    <message>
        <location filename="../ui/targetstabedit.cpp" line="-182"/>
        <source>&quot;%1&quot; is not an amount for the target of %2: type yuan, e.g. 820000, 82万 or ¥820,000. Nothing was changed.</source>
        <translation>“%1”不是 %2 目标的有效金额：请输入元，如 820000、82万 或 ¥820,000。未做任何更改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The target of %1 was not changed: %2</source>
        <translation>%1 的目标未更改：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target of %1 is already %2.</source>
        <translation>%1 的目标已是 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the unit whose proposal to adopt.</source>
        <translation>请选择要采用建议目标的单元。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The proposal for %1 was not adopted: %2</source>
        <translation>%1 的建议目标未采用：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Adopt the proposal for %1 (%2)</source>
        <translation>采用 %1 的建议目标（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already has its proposed targets.</source>
        <translation>%1 已采用建议目标。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select the rep whose terms to set, or the unit whose reps to correct.</source>
        <translation>请选择要设置目标条件的销售，或要统一修正其下属销售的单位。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The terms of %1 were not changed: %2</source>
        <translation>%1 的目标条件未更改：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already has these terms.</source>
        <translation>%1 已是这些目标条件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The reps under %1 were not corrected: %2</source>
        <translation>%1 下属销售未修正：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reps under %1 already have this correction.</source>
        <translation>%1 下属销售已是此修正。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Not approved: %n unit(s) do not equal the sum of the units below them, first %1 (no ✓ in the table). Edit them or adopt the proposal, then approve.</source>
        <translation>
            <numerusform>未批准：有 %n 个单位不等于其下级单位之和，首个为 %1（表中没有 ✓）。请修改或采用建议值后再批准。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These targets are already approved.</source>
        <translation>这些目标已经批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approve the targets of %1</source>
        <translation>批准 %1 的目标</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not split into months: %1</source>
        <translation>未拆分到月：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not split: %1</source>
        <translation>未拆分：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The months of %1 already hold this split.</source>
        <translation>%1 的各月已是这一拆分结果。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The quarters of %1 already hold this split.</source>
        <translation>%1 的各季度已是这样的拆分。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Split %1 into months</source>
        <translation>将 %1 拆分到月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Split %1 into quarters</source>
        <translation>将 %1 拆分到季度</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n month(s) of %1 saved, then: %2</source>
        <translation>
            <numerusform>已保存 %1 的 %n 个月，随后：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n quarter(s) of %1 saved, then: %2</source>
        <translation>
            <numerusform>已保存 %1 的 %n 个季度，随后：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 split into its months as drafts (Ctrl+Z undoes it).</source>
        <translation>%1 已作为草稿拆分到各月（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 split into its quarters as drafts (Ctrl+Z undoes it).</source>
        <translation>%1 已拆分到各季度，保存为草稿（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Status: approved</source>
        <translation>状态：已批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status: draft</source>
        <translation>状态：草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved: every unit equals the sum of the units below it. An edit makes them a draft again.</source>
        <translation>已批准：每个单位都等于其下级单位之和。再修改会使其重新成为草稿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft: edits are saved as they are made. Approve when every unit sums.</source>
        <translation>草稿：修改即时保存。各单位加总一致后即可批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split into quarters</source>
        <translation>拆分到季度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this year&apos;s targets down to its four quarters: each rep&apos;s year shared by what it collected in the same quarters last year (equal quarters when nothing), the units above as sums (Ctrl+Shift+M; Ctrl+Z undoes it)</source>
        <translation>将本年度目标拆分到四个季度：每位销售的年度目标按其去年同季度回款分配（无回款时平均分配），上级为下级之和（Ctrl+Shift+M；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Targets cannot be edited in this window.</source>
        <translation>此窗口中不能编辑目标。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The targets were not saved: %1</source>
        <translation>目标未保存：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: approved (Ctrl+Z undoes it).</source>
        <translation>%1：已批准（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: saved as a draft (Ctrl+Z undoes it).</source>
        <translation>%1：已保存为草稿（Ctrl+Z 撤销）。</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TeamHealthModel</name>
    <message>
        <location filename="../ui/teamhealthmodel.cpp" line="+93"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No stage exits in the period</source>
        <translation>本周期内没有阶段退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 standard actions done over %3 stage exits (green &gt; 90 %, yellow 70–90 %, red &lt; 70 %)</source>
        <translation>%3 次阶段退出中应完成 %2 个标准动作，已完成 %1 个（绿色 &gt; 90%，黄色 70–90%，红色 &lt; 70%）</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Left on %1</source>
        <translation>已于 %1 离职</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too little data: %1 stage exits, %2 of %3 working days</source>
        <translation>数据不足：%1 次阶段流转，在职 %2/%3 个工作日</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1: %2 of %3 standard actions done over %4 stage exits (green &gt; 90 %, yellow 70–90 %, red &lt; 70 %)</source>
        <translation>%1：%4 次阶段流转中完成标准动作 %2/%3（绿 &gt; 90 %，黄 70–90 %，红 &lt; 70 %）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 must-do tasks done of %2 required (%3 listed) over %4 rep-weeks; at least 12 per rep-week. A week counts in the period that holds its Monday, for reps employed all of its working days.</source>
        <translation>%4 个人周中完成必做任务 %1 项，应完成 %2 项（列出 %3 项）；每人每周至少 12 项。一周计入其周一所在的期间，只计该周全部工作日在职的销售。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Executed the standard actions = key-action completion above 90 % (a green light)</source>
        <translation>已执行标准动作 = 关键动作完成率高于 90%（绿色）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median of %1 answered leads assigned in the period; %2 not answered yet</source>
        <translation>本周期分配并已响应的 %1 条线索的中位数；另有 %2 条尚未响应</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mean health score (0–100, 8 dimensions) of %1 scored customers of %2</source>
        <translation>%2 个客户中 %1 个已评分客户的平均健康分（0–100，8 个维度）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 outside the main product line of %2 won (%3 orders)</source>
        <translation>赢单 %2 中有 %1 来自主推产品线以外（%3 笔订单）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 presales/delivery ratings, mean %2 of 5</source>
        <translation>%1 条售前/交付评分，平均 %2 分（满分 5 分）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No ratings in the period</source>
        <translation>本周期内没有评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % of the customers are in their first quarter (compliance 40 % / customer health 20 %; later 10 % / 50 %; cross-sell and collaboration 20 % each). Green from 80, yellow from 60, red below; never green while a component or the PEI is missing or zero.</source>
        <translation>%1 % 的客户处于首个季度（过程达标 40 % / 客户健康 20 %；之后 10 % / 50 %；交叉销售与协作各 20 %）。80 分起为绿，60 分起为黄，以下为红；任一分项或 PEI 缺失或为零时不显示绿色。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reps who left before the period&apos;s end, and reps with fewer than 5 stage exits or employed on fewer than half of the period&apos;s working days, are shown apart and never ranked.</source>
        <translation>期间结束前离职的销售，以及阶段流转少于 5 次或在职不足期间一半工作日的销售，单独列出，不参与排名。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Key-action completion: standard actions done by the sales side before the lead left the stage (a customer&apos;s own call or message does not count)</source>
        <translation>关键动作完成率：线索离开阶段前由销售方完成的标准动作（客户自己的来电或消息不算）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process execution index: must-do tasks done within their week / required (at least 12 per rep-week). A week counts in the period that holds its Monday, once it has ended, for the reps employed on all five of its working days.</source>
        <translation>过程执行指数：当周内完成的必做任务 / 应完成数（每人每周至少 12 项）。一周在结束后计入其周一所在的期间，只计该周五个工作日均在职的销售。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sales-health score with the dynamic weights of the customers&apos; age; green from 80, yellow from 60, never green while a component or the PEI is missing or zero</source>
        <translation>销售健康综合分，按客户所处阶段动态加权；80 分起为绿，60 分起为黄；任一分项或 PEI 缺失或为零时不显示绿色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the rep is shown apart and not ranked: left before the period&apos;s end, or too little data (fewer than 5 stage exits, or employed on fewer than half of the working days)</source>
        <translation>该销售单独列出、不参与排名的原因：期间结束前离职，或数据不足（阶段流转少于 5 次，或在职不足一半工作日）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Key
actions</source>
        <translation>关键
动作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard
actions</source>
        <translation>动作
标准化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response
time</source>
        <translation>响应
时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer
health</source>
        <translation>客户
健康分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-
sell</source>
        <translation>交叉
销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collabo-
ration</source>
        <translation>协作
评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health
score</source>
        <translation>健康
综合分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown apart
because</source>
        <translation>单列
原因</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Double-click for the rows behind this number</source>
        <translation>双击查看该数字的明细行</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Process-health light: key-action completion &gt; 90 % green, 70–90 % yellow, &lt; 70 % red</source>
        <translation>过程健康灯：关键动作完成率 &gt; 90% 为绿色，70–90% 为黄色，&lt; 70% 为红色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Executed the standard actions (counts towards standard-action coverage)</source>
        <translation>已执行标准动作（计入销售动作标准化覆盖率）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median time from a lead&apos;s assignment to its first sales action</source>
        <translation>从线索分配到首次销售动作的时间中位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer health (0–100): NPS, service response, contract fulfilment, renewal intent, payment punctuality, complaints, product adoption, interaction recency</source>
        <translation>客户健康分（0–100）：NPS、服务响应、合同履约、续约意向、回款及时性、投诉、产品使用度、最近互动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of won revenue outside the rep&apos;s main product line</source>
        <translation>销售主营产品线之外的赢单收入占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presales/delivery ratings of the rep (1–5) scaled to 0–100</source>
        <translation>售前/交付对该销售的评分（1–5），换算为 0–100</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>健康灯</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEI</source>
        <translation>PEI</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TeamPage</name>
    <message>
        <location filename="../ui/teampage.cpp" line="+68"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reps</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare reps or teams (Ctrl+T)</source>
        <translation>对比销售或团队 (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Radar PNG…</source>
        <translation>雷达图 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the radar as PNG (Ctrl+Shift+P)</source>
        <translation>将雷达图导出为 PNG (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Check rows to overlay them on the radar (Space). Double-click or Enter: the rows behind a number.</source>
        <translation>勾选行即可在雷达图上叠加对比（空格键）。双击或按 Enter：查看数字的明细行。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Completion of each key action: done / expected over the stage exits of the period</source>
        <translation>各关键动作完成率：本周期阶段退出中的已完成 / 应完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key actions</source>
        <translation>关键动作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export radar as PNG…</source>
        <translation>将雷达图导出为 PNG…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reps / teams</source>
        <translation>销售 / 团队</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows behind this number</source>
        <translation>该数字的明细行</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Computing rep and team health…</source>
        <translation>正在计算销售和团队健康度…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not compute team health: %1</source>
        <translation>无法计算团队健康度：%1</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>median %1 min</source>
        <translation>中位数 %1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 of %3 actions)</source>
        <translation>%1（%3 个动作中完成 %2 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 over %2 customers</source>
        <translation>%1（%2 个客户）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 ratings)</source>
        <translation>%1（%2 条评分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 of %3 tasks)</source>
        <translation>%1（%3 项任务中完成 %2 项）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Health radar — check rows to compare them</source>
        <translation>健康雷达图 — 勾选行进行对比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health radar (0–100)</source>
        <translation>健康雷达图（0–100）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each axis 0–100. Response time: a median of 5 min or less scores 100, 8 h or more 0 (logarithmic). Click a legend entry to hide or show a polygon; click a point for its rows.</source>
        <translation>每个轴为 0–100。响应时间：中位数不超过 5 分钟得 100 分，8 小时及以上得 0 分（对数刻度）。点击图例项可隐藏或显示多边形；点击数据点查看其明细行。</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+285"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the table in its sort order, with every figure behind its columns (the radar&apos;s axes, the missing actions), as an Excel workbook or CSV (Ctrl+E)</source>
        <translation>按当前排序导出表格及各列背后的全部数据（雷达图各轴、缺失动作），格式为 Excel 工作簿或 CSV（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Reps who left before the period&apos;s end, and reps with fewer than 5 stage exits or employed on fewer than half of the period&apos;s working days, are shown apart and never ranked.</source>
        <translation>期间结束前离职的销售，以及阶段流转少于 5 次或在职不足期间一半工作日的销售，单独列出，不参与排名。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Standard-action coverage: reps above the green threshold, by month</source>
        <translation>销售动作标准化覆盖率：按月统计高于绿灯阈值的销售</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep drill-down: the time between the steps of a sale</source>
        <translation>销售明细：成交各步骤之间的时间</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 · %2: %3 reps ranked in %4 teams, %5 shown apart · key actions %6 · PEI %7 · coverage %8 (target 85 %)</source>
        <translation>%1 · %2：%4 个团队中 %3 名销售参与排名，%5 名单独列出 · 关键动作 %6 · PEI %7 · 覆盖率 %8（目标 85 %）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&lt;b&gt;Shown apart, not ranked&lt;/b&gt;: %1 left during the period, %2 with too little data (fewer than 5 stage exits or under half of the working days employed)</source>
        <translation>&lt;b&gt;单独列出，不参与排名&lt;/b&gt;：期间内离职 %1 名，数据不足 %2 名（阶段流转少于 5 次或在职不足一半工作日）</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Target 85 %</source>
        <translation>目标 85%</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: %2 of %3 reps executed the standard actions (%4 active)</source>
        <translation>%1：%3 名销售中 %2 名执行了标准动作（在职 %4 名）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coverage: reps above 90 % key actions</source>
        <translation>覆盖率：关键动作完成率高于 90% 的销售</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Standard-action coverage fell two months in a row (%1 → %2 → %3).</source>
        <translation>⚠ 销售动作标准化覆盖率连续两个月下降（%1 → %2 → %3）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (missing %2×)</source>
        <translation>%1（缺失 %2 次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>top missing actions: %1</source>
        <translation>主要缺失动作：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key actions %1</source>
        <translation>关键动作 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: computing the time between the steps…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：正在计算各步骤之间的时间…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Median hours</source>
        <translation>中位数（小时）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>→ first touch</source>
        <translation>→ 首次接触</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ needs confirmed</source>
        <translation>→ 需求确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ demo</source>
        <translation>→ 演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ objection handled</source>
        <translation>→ 异议处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ signed</source>
        <translation>→ 签约</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ paid</source>
        <translation>→ 回款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (n=%2)</source>
        <translation>%1 (n=%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: median %2 h over %3 leads</source>
        <translation>%1：%3 条线索的中位数 %2 小时</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: median hours between the steps of a sale (steps ending in %2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：销售各步骤间隔时间中位数（小时，%2 内完成的步骤）</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TeamServerSettings</name>
    <message>
        <location filename="../ui/teamserversettings.cpp" line="+41"/>
        <source>Connect to your company&apos;s team server to work on your region&apos;s data with the rest of the team. Sales Cockpit keeps a copy on this computer, so you can work offline; your edits are sent when the server can be reached.</source>
        <translation>连接公司的团队服务器，与团队其他成员一起处理您所辖区域的数据。销售驾驶舱在本机保存一份副本，因此您可以离线工作；服务器可连接时会发送您的修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. cockpit.example.com</source>
        <translation>例如 cockpit.example.com</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the login your administrator gave you</source>
        <translation>管理员为您分配的登录名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>verify-full: encrypted, the server&apos;s certificate and name checked (recommended)</source>
        <translation>verify-full：加密，并校验服务器证书和名称（推荐）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>require: encrypted, the certificate not checked</source>
        <translation>require：加密，不校验证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable: not encrypted</source>
        <translation>disable：不加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Without encryption your password and your company&apos;s data cross the network readable by anyone on the way. Use it only on this computer or a network you trust.</source>
        <translation>⚠ 不加密时，您的密码和公司数据在网络上传输，途经的任何人都能读取。仅在本机或您信任的网络中使用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync every</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>kept in the system keychain</source>
        <translation>已保存在系统钥匙串中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: this computer keeps a copy of the server&apos;s data in %1 and syncs it every %2 min and on File › Sync now (F9).</source>
        <translation>已连接：本机在 %1 中保存服务器数据的副本，每 %2 分钟同步一次，也可通过“文件 › 立即同步”（F9）同步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not connected: Sales Cockpit works on the file on this computer only.</source>
        <translation>未连接：销售驾驶舱只使用本机上的文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>all regions</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected as %1 (%2, %3)</source>
        <translation>已连接，身份：%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter %1 first.</source>
        <translation>请先填写%1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The password could not be stored (%1). It is kept only while Sales Cockpit runs, and asked for at each start.</source>
        <translation>无法保存密码（%1）。密码只在销售驾驶舱运行期间保留，每次启动时都会询问。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Team server password</source>
        <translation>团队服务器密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password of %1:</source>
        <translation>%1 的密码：</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TouchpointHeatMap</name>
    <message>
        <location filename="../ui/charts/touchpointheatmap.cpp" line="+45"/>
        <source>Touchpoint heat map</source>
        <translation>触点热力图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data yet: after %1</source>
        <translation>暂无数据：%1 之后</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n activities</source>
        <translation>
            <numerusform>%n 次活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>冷区 cold zone: %n day(s) here without a sales action or customer response</source>
        <translation>
            <numerusform>冷区：此处 %n 天既无销售动作也无客户回应</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click or press Enter for the activities</source>
        <translation>点击或按 Enter 查看活动</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-dept.</source>
        <translation>跨部门</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>冷区 cold ≥ %n d</source>
        <translation>
            <numerusform>冷区 ≥ %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>冷区 cold · %n day(s)</source>
        <translation>
            <numerusform>冷区 · %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>冷区 %nd</source>
        <translation>
            <numerusform>冷区%n天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No days to show</source>
        <translation>没有可显示的日期</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Show the activities</source>
        <translation>查看活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::TouchpointView</name>
    <message>
        <location filename="../ui/touchpointview.cpp" line="+39"/>
        <source>Choose a period and a team or rep.</source>
        <translation>请选择周期以及团队或销售。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Computing touchpoints…</source>
        <translation>正在计算触点…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not compute the touchpoints: %1</source>
        <translation>无法计算触点：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Touchpoints of all leads, %1</source>
        <translation>全部线索的触点，%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touchpoints of %1&apos;s leads, %2</source>
        <translation>%1 的线索触点，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touchpoints of the leads of %1, %2</source>
        <translation>%1 的线索触点，%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>by day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sales actions · %2 customer responses · %3 cross-department · %4 · </source>
        <translation>销售动作 %1 · 客户回应 %2 · 跨部门 %3 · %4 · </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no cold zone (冷区)</source>
        <translation>无冷区</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cold zone(s) (冷区), %1 days in all</source>
        <translation>
            <numerusform>%n 个冷区，共 %1 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not list the activities: %1</source>
        <translation>无法列出活动：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::WebhookDialog</name>
    <message>
        <location filename="../ui/webhookdialog.cpp" line="+20"/>
        <source>Add webhook</source>
        <translation>添加机器人 Webhook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit webhook</source>
        <translation>编辑机器人 Webhook</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. 华东销售群</source>
        <translation>例如：华东销售群</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only when the robot signs messages (DingTalk 加签, Feishu 签名校验)</source>
        <translation>仅当机器人启用签名时填写（钉钉“加签”、飞书“签名校验”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post new alerts to this robot</source>
        <translation>将新预警推送到此机器人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the robot&apos;s URL and secret from the system keychain…</source>
        <translation>正在从系统钥匙串读取机器人的 URL 和密钥…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the URL and secret again: %1</source>
        <translation>请重新输入 URL 和密钥：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Saving the robot&apos;s URL and secret in the system keychain…</source>
        <translation>正在将机器人的 URL 和密钥保存到系统钥匙串…</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::WebhookSettings</name>
    <message>
        <location filename="../ui/webhooksettings.cpp" line="+29"/>
        <source>New alerts go to the signed-in user as a desktop notification and to these group robots of the alert owner&apos;s team (a robot for all teams gets every alert). A failed post stays queued and is retried with back-off.</source>
        <translation>新预警会以桌面通知的形式发给当前登录用户，并推送到预警负责人所在团队的以下群机器人（面向全部团队的机器人接收所有预警）。推送失败的消息会留在队列中，并按递增间隔重试。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Queue: %1 sent · %2 waiting · %3 retrying</source>
        <translation>队列：已发送 %1 · 等待中 %2 · 重试中 %3</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+8"/>
        <source>Remove webhook</source>
        <translation>删除机器人 Webhook</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Remove the %1 webhook &quot;%2&quot;? Alerts not yet posted to it are cancelled; alerts already sent stay in its group.</source>
        <translation>要删除%1机器人 Webhook“%2”吗？尚未推送到它的预警将被取消；已发送的预警仍保留在对应群中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The webhook could not be removed: %1</source>
        <translation>无法删除 Webhook：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sending a test message to %1…</source>
        <translation>正在向 %1 发送测试消息…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✓ %1 accepted the test message.</source>
        <translation>✓ %1 已接收测试消息。</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>✗ The test message was not delivered: %1</source>
        <translation>✗ 测试消息未送达：%1</translation>
    </message>
</context>
<context>
    <name>cockpit::ui::WelcomeCard</name>
    <message>
        <location filename="../ui/welcomecard.cpp" line="+24"/>
        <source>Welcome card</source>
        <translation>欢迎卡片</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Welcome to the demo company</source>
        <translation>欢迎来到演示公司</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the welcome card (Esc); Help › Welcome card shows it again</source>
        <translation>关闭欢迎卡片（Esc）；可通过“帮助 › 欢迎卡片”再次显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Close the welcome card</source>
        <translation>关闭欢迎卡片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything here is a generated company: its regions, reps, customers and a year of leads are made up on this computer, and nothing you do leaves it.</source>
        <translation>这里的一切都属于一家生成的公司：大区、销售、客户和一整年的线索都是在本机虚构的，你在这里所做的一切也都不会离开这台电脑。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Three things to try:</source>
        <translation>可以先试试这三件事：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a red KPI</source>
        <translation>打开一个红色指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rows behind a figure that is worse than the industry mean</source>
        <translation>查看差于行业均值的指标背后的明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &quot;bs&quot; in Leads</source>
        <translation>在线索中搜索“bs”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinyin initials find 博世 (Bosch)</source>
        <translation>输入拼音首字母即可找到博世</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Alerts</source>
        <translation>打开预警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>what needs someone today</source>
        <translation>今天需要有人处理的事项</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>You are signed in as &lt;b&gt;%1&lt;/b&gt; (%2).</source>
        <translation>你当前的身份是 &lt;b&gt;%1&lt;/b&gt;（%2）。</translation>
    </message>
</context>
</TS>
